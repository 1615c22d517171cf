//! array builtins.

use crate::interp::agent::Agent;

pub fn install(agent: &mut Agent) {
    let _ = agent;
}
