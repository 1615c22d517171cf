//! Parse and run a module under a step budget, a heap cap and a timeout
//! (the embedding API's `Limits`): whatever the program does, the host gets
//! a result or an error, never a panic, abort, hang or stack overflow.
#![no_main]

use std::time::Duration;

use libfuzzer_sys::fuzz_target;
use vmjs::embed::{Error, JsValue, Limits, ModuleOptions, Runtime, SourceTextModule, Status};

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let limits = Limits {
        timeout: Some(Duration::from_millis(500)),
        step_budget: Some(200_000),
        heap_bytes: Some(64 << 20),
        // libFuzzer runs inputs on the main thread (8 MiB); claim less.
        native_stack_bytes: 4 << 20,
        ..Limits::default()
    };
    let mut rt = Runtime::with_limits(limits);
    let _out = rt.capture_output();
    let Ok(module) = SourceTextModule::new(&mut rt, source, ModuleOptions::default()) else {
        return;
    };
    // Imports resolve to one empty module; anything it lacks fails to link.
    let linked = module.link(&mut rt, |rt, _specifier, _referrer, _attributes| {
        SourceTextModule::new(rt, "", ModuleOptions::default())
    });
    if linked.is_err() {
        assert_eq!(module.status(&rt).unwrap(), Status::Unlinked);
        return;
    }
    match module.evaluate(&mut rt) {
        Ok(_) => {}
        // The module's own exception leaves it errored with that value; an
        // exception thrown later by a timer callback leaves it evaluated.
        Err(Error::Exception { value, .. }) => match module.status(&rt).unwrap() {
            Status::Errored => assert!(same_value(&module.error(&rt).unwrap(), &value)),
            status => assert_eq!(status, Status::Evaluated),
        },
        Err(_) => {}
    }
    let _ = module.namespace(&mut rt);
    let _ = rt.run_jobs();
});

/// SameValue for host values (objects by identity, NaN equal to NaN).
fn same_value(a: &JsValue, b: &JsValue) -> bool {
    match (a, b) {
        (JsValue::Number(x), JsValue::Number(y)) => {
            x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan())
        }
        _ => a == b,
    }
}
