//! The time each phase of a parse takes (`vmjs parse --time`): lexing,
//! parsing, early errors and scope analysis.
//!
//! The pipeline in `driver` is generic over a [`Stopwatch`]; the ordinary
//! entry points pass `()`, whose laps compile to nothing, so only a timed
//! parse reads the clock.

use std::time::{Duration, Instant};

/// The phases of parsing a source text, in the order they run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Source text to tokens (the logos lexer and its driver).
    Lexing,
    /// Tokens to the AST (the LALRPOP grammar and its actions).
    Parsing,
    /// The static semantics rules the grammar cannot express.
    EarlyErrors,
    /// Declarations and references resolved into scopes.
    ScopeAnalysis,
}

/// Something told when each phase ends.
pub(crate) trait Stopwatch {
    /// The time since the previous lap (or the start) belongs to `phase`.
    fn lap(&mut self, phase: Phase);
}

/// No timing: every lap is a no-op.
impl Stopwatch for () {
    #[inline(always)]
    fn lap(&mut self, _phase: Phase) {}
}

/// The wall-clock time of each phase of one parse.
///
/// ```
/// use vmjs::syntax::{parse_module_timed, PhaseTimes};
/// let mut times = PhaseTimes::start();
/// parse_module_timed("export const x = 1 + 2;", &mut times).unwrap();
/// assert!(times.total() >= times.parsing);
/// ```
#[derive(Clone, Debug)]
pub struct PhaseTimes {
    pub lexing: Duration,
    pub parsing: Duration,
    pub early_errors: Duration,
    pub scope_analysis: Duration,
    last: Instant,
}

impl PhaseTimes {
    /// Starts the clock: the first lap measures from now.
    pub fn start() -> PhaseTimes {
        PhaseTimes {
            lexing: Duration::ZERO,
            parsing: Duration::ZERO,
            early_errors: Duration::ZERO,
            scope_analysis: Duration::ZERO,
            last: Instant::now(),
        }
    }

    /// The sum of the phases.
    pub fn total(&self) -> Duration {
        self.lexing + self.parsing + self.early_errors + self.scope_analysis
    }

    /// The phases with their names, in order.
    pub fn phases(&self) -> [(Phase, Duration); 4] {
        [
            (Phase::Lexing, self.lexing),
            (Phase::Parsing, self.parsing),
            (Phase::EarlyErrors, self.early_errors),
            (Phase::ScopeAnalysis, self.scope_analysis),
        ]
    }
}

impl Stopwatch for PhaseTimes {
    fn lap(&mut self, phase: Phase) {
        let now = Instant::now();
        let elapsed = now - self.last;
        self.last = now;
        *match phase {
            Phase::Lexing => &mut self.lexing,
            Phase::Parsing => &mut self.parsing,
            Phase::EarlyErrors => &mut self.early_errors,
            Phase::ScopeAnalysis => &mut self.scope_analysis,
        } += elapsed;
    }
}
