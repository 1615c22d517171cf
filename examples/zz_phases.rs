use std::time::Instant;
use vmjs::host::FileHost;
use vmjs::interp::agent::Agent;
fn rss() -> u64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap();
    for l in s.lines() {
        if l.starts_with("VmRSS:") {
            return l.split_whitespace().nth(1).unwrap().parse::<u64>().unwrap() * 1024;
        }
    }
    0
}
fn main() {
    let entry = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    let r0 = rss();
    let mut agent = Agent::new();
    agent.stdout = Box::new(std::io::sink());
    let host = FileHost::new();
    host.install(&mut agent);
    let r1 = rss();
    let t = Instant::now();
    let root = host.load_entry(&mut agent, &entry).map_err(|_| ()).unwrap();
    host.load_graph(&mut agent, root).map_err(|_| ()).unwrap();
    let r2 = rss();
    eprintln!("load {:?} parse {:?}", t.elapsed(), host.parse_time());
    let t = Instant::now();
    host.link_graph(&mut agent, root).map_err(|_| ()).unwrap();
    let r3 = rss();
    eprintln!("link {:?}", t.elapsed());
    let t = Instant::now();
    let _p = host
        .evaluate_graph(&mut agent, root)
        .map_err(|_| ())
        .unwrap();
    agent.run_promise_jobs().map_err(|_| ()).unwrap();
    let r4 = rss();
    eprintln!("evaluate {:?}", t.elapsed());
    let n = 100001.0;
    eprintln!(
        "rss: start {} agent {} | per module: load {:.0} link {:.0} eval {:.0} total {:.0}",
        r0,
        r1,
        (r2 - r1) as f64 / n,
        (r3 - r2) as f64 / n,
        (r4 - r3) as f64 / n,
        r4 as f64 / n
    );
    std::process::exit(0);
}
