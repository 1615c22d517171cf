//! Running a single module or script from source text to completion:
//! parse, create its environment, run its body, then the event loop
//! ([`Agent::run_event_loop`]). For tests, benchmarks, preludes and embedders that do not need
//! static imports (the module layer runs whole graphs).

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use super::agent::Agent;
use super::completion::Throw;
use super::eval::{ModuleCode, ScriptRecord};
use super::jobs::UnhandledRejections;
use super::source::SourceText;

/// Why a run did not complete normally.
#[derive(Debug)]
pub enum RunError {
    /// The source did not parse: the SyntaxError message.
    Syntax(String),
    /// An uncaught exception or unhandled rejection, as
    /// [`Agent::describe_uncaught`] prints it.
    Uncaught(String),
}

/// Output written by `console` during a run, when captured.
#[derive(Clone, Default)]
pub struct CapturedOutput(Rc<RefCell<Vec<u8>>>);

impl CapturedOutput {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.borrow()).into_owned()
    }
}

impl Write for CapturedOutput {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Agent {
    /// Sends console.log/info/debug output to a buffer instead of stdout.
    pub fn capture_stdout(&mut self) -> CapturedOutput {
        let out = CapturedOutput::default();
        self.stdout = Box::new(out.clone());
        out
    }

    /// Runs `source` as a module named `name` (no imports), then every job
    /// and timer it leaves.
    pub fn run_module_source(&mut self, name: &str, source: &str) -> Result<(), RunError> {
        let module =
            crate::syntax::parse_module(source).map_err(|e| RunError::Syntax(e.message))?;
        let code = ModuleCode::new(Rc::new(module), SourceText::new(name, source));
        let result = self.run_module_code(&code);
        result.map_err(|Throw(e)| RunError::Uncaught(self.describe_uncaught(&e)))
    }

    /// Runs `source` as a strict script (ScriptEvaluation) named `name`,
    /// then every job and timer it leaves. Scripts run by the same agent
    /// share the realm's global environment.
    pub fn run_script_source(&mut self, name: &str, source: &str) -> Result<(), RunError> {
        self.run_script_then(name, source, |agent| {
            agent.run_event_loop(None, UnhandledRejections::Throw)
        })
    }

    /// Runs the file `path` (text `source`) as a prelude: a strict script
    /// (test harnesses define `assert` and friends this way), then the
    /// promise jobs it leaves.
    pub fn run_prelude(&mut self, path: &str, source: &str) -> Result<(), RunError> {
        self.run_script_then(path, source, Agent::run_promise_jobs)
    }

    /// ParseScript and ScriptEvaluation of `source`, then `then`.
    fn run_script_then(
        &mut self,
        name: &str,
        source: &str,
        then: impl FnOnce(&mut Agent) -> Result<(), Throw>,
    ) -> Result<(), RunError> {
        let script = ScriptRecord::parse(source, self.realm.clone(), name, name)
            .map_err(|e| RunError::Syntax(e.message))?;
        let result = self.script_evaluation(&script).and_then(|_| then(self));
        result.map_err(|Throw(e)| RunError::Uncaught(self.describe_uncaught(&e)))
    }

    fn run_module_code(&mut self, code: &ModuleCode) -> Result<(), Throw> {
        self.instantiate_module_declarations(code)?;
        let promise = self.execute_module(code)?;
        self.run_event_loop(Some(&promise), UnhandledRejections::Throw)
    }
}
