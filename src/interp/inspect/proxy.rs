//! How Node shows a Proxy: the proxy check at the start of `formatValue`
//! (`getProxyDetails`), which never runs a trap, and `formatProxy` for
//! `showProxy` (`%o`).

use gc::Gc;

use super::options::{Ctx, EntryType};
use super::reduce::reduce_to_single_string;
use super::value::format_value;
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::object::JsObject;
use crate::interp::value::Value;

/// What `formatValue` shows in place of a proxy.
pub enum ProxyShown {
    /// The finished text (`<Revoked Proxy>`, or `Proxy [ target, handler ]`
    /// with `showProxy`).
    Text(String),
    /// The object to format instead: the target.
    Target(Gc<JsObject>),
}

/// Node's `getProxyDetails` step of `formatValue`: a revoked proxy is
/// `<Revoked Proxy>`; with `showProxy` the target and handler are shown;
/// otherwise the target is formatted in the proxy's place.
///
/// Deviation: Node unwraps one proxy and formats an inner proxy target
/// with ordinary property access, which runs the inner proxy's traps;
/// here every level is unwrapped, so inspecting never runs a trap.
pub fn proxy_shown(
    agent: &mut Agent,
    ctx: &mut Ctx,
    proxy: &Gc<JsObject>,
    recurse_times: usize,
) -> JsResult<ProxyShown> {
    let Some((target, handler)) = proxy.proxy_data().and_then(|d| d.target_and_handler()) else {
        return Ok(ProxyShown::Text("<Revoked Proxy>".into()));
    };
    if ctx.opts.show_proxy {
        return format_proxy(agent, ctx, &target, &handler, recurse_times).map(ProxyShown::Text);
    }
    let mut target = target;
    while let Some(data) = target.proxy_data() {
        match data.target() {
            Some(inner) => target = inner,
            None => return Ok(ProxyShown::Text("<Revoked Proxy>".into())),
        }
    }
    Ok(ProxyShown::Target(target))
}

/// Node's `formatProxy ( ctx, proxy, recurseTimes )`: `Proxy [ target, handler ]`.
fn format_proxy(
    agent: &mut Agent,
    ctx: &mut Ctx,
    target: &Gc<JsObject>,
    handler: &Gc<JsObject>,
    recurse_times: usize,
) -> JsResult<String> {
    if ctx.too_deep(recurse_times) {
        return Ok("Proxy [Array]".into());
    }
    let recurse_times = recurse_times + 1;
    ctx.indentation_lvl += 2;
    let res = [target, handler]
        .into_iter()
        .map(|o| format_value(agent, ctx, &Value::Object(o.clone()), recurse_times, false))
        .collect::<JsResult<Vec<String>>>();
    ctx.indentation_lvl -= 2;
    Ok(reduce_to_single_string(
        ctx,
        res?,
        "",
        ("Proxy [", "]"),
        EntryType::ArrayExtras,
        recurse_times,
        None,
    ))
}
