//! `vmjs trace --html` in a real browser: headless Chromium loads the page
//! of the spec's asynchronous cyclic module graph (ECMA-262 §16.2.1.6.2,
//! Figure "An asynchronous cyclic module graph"), opened at chosen steps
//! with `#step=N`, and its screenshots show each module's node in the
//! colour the page's legend gives the [[Status]] the spec says the module
//! has at that step; the page logs nothing to the console (no error, no
//! uncaught exception).
//!
//! Chromium is the Debian package `chromium` (`.ci/run` installs it). Without
//! it the test is skipped with a message, unless `CI=true`, where it fails.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::Value as Json;

/// The window the page is drawn in (CSS pixels = screenshot pixels: the
/// device scale factor is forced to 1).
const WIDTH: u32 = 1200;
const HEIGHT: u32 = 800;
/// The size of a node's rectangle in the graph's coordinates (page.js).
const NODE_W: f64 = 140.0;
const NODE_H: f64 = 54.0;
/// How long one Chromium run may take.
const CHROMIUM_TIMEOUT: Duration = Duration::from_secs(90);

/// A fresh directory under the system temp directory, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "vmjs-trace-browser-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create the temp dir");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The Chromium binary, or None (after saying why) when the test is to be
/// skipped. Panics under CI when Chromium is missing.
fn chromium() -> Option<&'static str> {
    let found = Command::new("chromium")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if found {
        return Some("chromium");
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("CI=true but no chromium on PATH: .ci/run installs the Debian package chromium");
    }
    eprintln!(
        "skipped: no chromium on PATH (apt-get install chromium); CI=true makes this a failure"
    );
    None
}

/// A Chromium run: the process and the files its stdout and stderr go to
/// (files, not pipes, so that no run blocks on a full pipe while another
/// is waited for).
struct Run {
    child: Child,
    stdout: PathBuf,
    stderr: PathBuf,
}

/// What a finished run printed.
struct Printed {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

/// Starts headless Chromium on `url` with `mode` (`--dump-dom` or
/// `--screenshot=FILE`), console messages logged to stderr; each run has
/// its own profile directory `profile` so that runs can go at once. The
/// window is `WIDTH` × `height`: a screenshot's page gets all of it, a
/// `--dump-dom` page less (the browser's own bars).
fn start_chromium(browser: &str, profile: &Path, mode: &str, url: &str, height: u32) -> Run {
    std::fs::create_dir_all(profile).expect("a profile directory");
    let stdout = profile.join("stdout.txt");
    let stderr = profile.join("stderr.txt");
    let file = |p: &Path| std::fs::File::create(p).expect("an output file");
    let child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            "--no-first-run",
            "--enable-logging=stderr",
            "--v=0",
            &format!("--window-size={WIDTH},{height}"),
            &format!("--user-data-dir={}", profile.join("data").display()),
            mode,
            url,
        ])
        .stdin(Stdio::null())
        .stdout(file(&stdout))
        .stderr(file(&stderr))
        .spawn()
        .expect("chromium starts");
    Run {
        child,
        stdout,
        stderr,
    }
}

/// Waits for a run, killing it past the timeout.
fn finish(mut run: Run) -> Printed {
    let start = Instant::now();
    loop {
        if run.child.try_wait().expect("wait for chromium").is_some() {
            break;
        }
        if start.elapsed() > CHROMIUM_TIMEOUT {
            let _ = run.child.kill();
            let _ = run.child.wait();
            panic!(
                "chromium ran past {CHROMIUM_TIMEOUT:?}; stderr: {}",
                std::fs::read_to_string(&run.stderr).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Printed {
        stdout: std::fs::read(&run.stdout).expect("chromium's stdout"),
        stderr: std::fs::read(&run.stderr).expect("chromium's stderr"),
    }
}

/// The console messages Chromium logged (`...:CONSOLE...] "text", source:`).
fn console_messages(stderr: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(stderr)
        .lines()
        .filter(|l| l.contains(":CONSOLE"))
        .map(str::to_string)
        .collect()
}

/// The page's data (its `trace-data` script element).
fn page_data(page: &str) -> Json {
    let open = "<script type=\"application/json\" id=\"trace-data\">";
    let start = page.find(open).expect("the data element") + open.len();
    let end = page[start..].find("</script>").expect("its end") + start;
    serde_json::from_str(&page[start..end]).expect("the page's data is JSON")
}

/// The colour the page's style gives a status (`--linked: #9ecae1;`).
fn legend_colour(page: &str, status: &str) -> [u8; 3] {
    let key = format!("--{status}: #");
    let at = page.find(&key).expect("the status has a colour") + key.len();
    let hex = &page[at..at + 6];
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).expect("a hex colour");
    [byte(0), byte(2), byte(4)]
}

/// The value of attribute `name` in the tag starting at `tag`.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let tag = &tag[..tag.find('>')?];
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    Some(&tag[at..at + tag[at..].find('"')?])
}

/// What the page's DOM says after its script ran: the step shown, the
/// graph's screen CTM, and each drawn node's module name and status.
struct Dom {
    step: usize,
    viewport: String,
    ctm: [f64; 6],
    nodes: HashMap<String, (usize, String)>,
}

fn read_dom(dom: &str) -> Dom {
    let body = &dom[dom.find("<body").expect("a body")..];
    let step = attribute(body, "data-step")
        .expect("the page's script ran to the end (body data-step)")
        .parse()
        .expect("a step number");
    let viewport = attribute(body, "data-viewport")
        .expect("the page published its window size")
        .to_string();
    let svg = &dom[dom.find("<svg id=\"graph\"").expect("the graph")..];
    let ctm: Vec<f64> = attribute(svg, "data-screen-ctm")
        .expect("the page published its screen CTM")
        .split(' ')
        .map(|n| n.parse().expect("a number"))
        .collect();
    let mut nodes = HashMap::new();
    let mut rest = dom;
    while let Some(at) = rest.find("<g class=\"node") {
        let tag = &rest[at..];
        let module = attribute(tag, "data-module").expect("data-module");
        let node = attribute(tag, "data-node").expect("data-node");
        let status = attribute(tag, "data-status").expect("data-status");
        nodes.insert(
            module.to_string(),
            (node.parse().expect("a node index"), status.to_string()),
        );
        rest = &tag[1..];
    }
    Dom {
        step,
        viewport,
        ctm: ctm.try_into().expect("six numbers"),
        nodes,
    }
}

/// A decoded screenshot (8-bit RGB or RGBA).
struct Image {
    width: usize,
    height: usize,
    channels: usize,
    pixels: Vec<u8>,
}

fn read_png(path: &Path) -> Image {
    let file = std::fs::File::open(path).expect("the screenshot");
    let mut decoder = png::Decoder::new(std::io::BufReader::new(file));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().expect("a sane size")];
    let info = reader.next_frame(&mut pixels).expect("a frame");
    let channels = match info.color_type {
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        other => panic!("a screenshot in {other:?}"),
    };
    pixels.truncate(info.buffer_size());
    Image {
        width: info.width as usize,
        height: info.height as usize,
        channels,
        pixels,
    }
}

impl Image {
    /// The most frequent colour in the rectangle [x0, x1) × [y0, y1), and
    /// the share of the rectangle's pixels that have it.
    fn dominant_colour(&self, x0: usize, y0: usize, x1: usize, y1: usize) -> ([u8; 3], f64) {
        let mut counts: HashMap<[u8; 3], usize> = HashMap::new();
        let mut total = 0;
        for y in y0..y1.min(self.height) {
            for x in x0..x1.min(self.width) {
                let i = (y * self.width + x) * self.channels;
                let p = [self.pixels[i], self.pixels[i + 1], self.pixels[i + 2]];
                *counts.entry(p).or_default() += 1;
                total += 1;
            }
        }
        let (colour, n) = counts
            .into_iter()
            .max_by_key(|&(_, n)| n)
            .expect("a non-empty rectangle");
        (colour, n as f64 / total as f64)
    }
}

/// Where a drawn node's rectangle is in the window: (x0, y0, x1, y1).
fn node_box(data: &Json, node: usize, ctm: &[f64; 6]) -> (f64, f64, f64, f64) {
    let n = &data["view"]["nodes"][node];
    let (x, y) = (n["x"].as_f64().expect("x"), n["y"].as_f64().expect("y"));
    let [a, b, c, d, e, f] = *ctm;
    let screen = |px: f64, py: f64| (a * px + c * py + e, b * px + d * py + f);
    let (x0, y0) = screen(x - NODE_W / 2.0, y - NODE_H / 2.0);
    let (x1, y1) = screen(x + NODE_W / 2.0, y + NODE_H / 2.0);
    (x0.min(x1), y0.min(y1), x0.max(x1), y0.max(y1))
}

/// One view of the page: the step, and the status every module has there.
struct Check {
    step: usize,
    status: &'static str,
}

#[test]
fn the_spec_async_cycle_in_chromium() {
    let Some(browser) = chromium() else {
        return;
    };
    let started = Instant::now();
    let dir = TempDir::new();
    // A imports B and C, B imports D, C imports D and E, D imports A; every
    // module awaits (the figure's modules; tests/trace_html.rs checks the
    // trace against the spec's tables).
    for (name, text) in [
        ("a.mjs", "import './b.mjs'; import './c.mjs'; await 0;"),
        ("b.mjs", "import './d.mjs'; await 0; await 0; await 0;"),
        ("c.mjs", "import './d.mjs'; import './e.mjs'; await 0;"),
        ("d.mjs", "import './a.mjs'; await 0; await 0;"),
        ("e.mjs", "await 0;"),
    ] {
        std::fs::write(dir.0.join(name), text).expect("write a module");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_vmjs"))
        .current_dir(&dir.0)
        .args(["trace", "--html", "a.mjs", "-o", "trace.html"])
        .output()
        .expect("vmjs runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page_path = dir.0.join("trace.html");
    let page = std::fs::read_to_string(&page_path).expect("the page");
    let data = page_data(&page);
    let events = data["events"].as_array().expect("events");
    let first = |algorithm: &str| {
        events
            .iter()
            .position(|e| e["a"] == algorithm)
            .unwrap_or_else(|| panic!("an event of {algorithm}"))
    };
    // The steps to look at, and the status the spec gives every module
    // there: after Link (before InnerModuleEvaluation's first step) all
    // are linked;
    // after the initial Evaluate() call (before the first
    // AsyncModuleExecutionFulfilled) all are evaluating-async (the table
    // "Module fields after the initial Evaluate() call"); at the end all
    // are evaluated.
    let checks = [
        Check {
            step: first("InnerModuleEvaluation"),
            status: "linked",
        },
        Check {
            step: first("AsyncModuleExecutionFulfilled"),
            status: "evaluating-async",
        },
        Check {
            step: events.len(),
            status: "evaluated",
        },
    ];
    let colours: Vec<[u8; 3]> = checks
        .iter()
        .map(|c| legend_colour(&page, c.status))
        .collect();
    assert!(
        colours[0] != colours[1] && colours[1] != colours[2] && colours[0] != colours[2],
        "the three statuses have distinct colours"
    );

    // First a control page, whose console error must show in the log (so
    // that an empty log means something).
    let control = dir.0.join("control.html");
    std::fs::write(
        &control,
        "<!DOCTYPE html><html><body><script>console.error('control message');\
         document.body.setAttribute('data-viewport', innerWidth + 'x' + innerHeight);</script></body></html>",
    )
    .expect("write the control page");
    let control_out = finish(start_chromium(
        browser,
        &dir.0.join("profile-control"),
        "--dump-dom",
        &format!("file://{}", control.display()),
        HEIGHT,
    ));
    let control_messages = console_messages(&control_out.stderr);
    assert!(
        control_messages
            .iter()
            .any(|m| m.contains("control message")),
        "chromium's log shows console messages; it showed {control_messages:?}"
    );
    // A `--dump-dom` page gets less of the window than a screenshot's: the
    // DOM runs get a taller window, so that both pages are WIDTH × HEIGHT
    // (each page says its size; checked below).
    let control_dom = String::from_utf8_lossy(&control_out.stdout);
    let control_height: u32 = attribute(
        &control_dom[control_dom.find("<body").expect("a body")..],
        "data-viewport",
    )
    .and_then(|v| v.split('x').nth(1))
    .and_then(|h| h.parse().ok())
    .expect("the control page's size");
    let dom_height = HEIGHT + HEIGHT.saturating_sub(control_height);

    // The other runs at once: a DOM dump and a screenshot per step.
    let url = format!("file://{}", page_path.display());
    let mut runs = Vec::new();
    for (i, check) in checks.iter().enumerate() {
        let shot = dir.0.join(format!("step-{}.png", check.step));
        let at = format!("{url}#step={}", check.step);
        let dom = start_chromium(
            browser,
            &dir.0.join(format!("profile-dom-{i}")),
            "--dump-dom",
            &at,
            dom_height,
        );
        let screenshot = start_chromium(
            browser,
            &dir.0.join(format!("profile-shot-{i}")),
            &format!("--screenshot={}", shot.display()),
            &at,
            HEIGHT,
        );
        runs.push((dom, screenshot, shot));
    }
    let names = ["a.mjs", "b.mjs", "c.mjs", "d.mjs", "e.mjs"];
    for ((dom_run, shot_run, shot), (check, colour)) in
        runs.into_iter().zip(checks.iter().zip(&colours))
    {
        let dom_out = finish(dom_run);
        let shot_out = finish(shot_run);
        for out in [&dom_out, &shot_out] {
            let messages = console_messages(&out.stderr);
            assert!(
                messages.is_empty(),
                "step {}: the page logged {messages:?}",
                check.step
            );
        }
        let dom = read_dom(&String::from_utf8_lossy(&dom_out.stdout));
        assert_eq!(dom.step, check.step, "the page opened at #step=N");
        assert_eq!(
            dom.viewport,
            format!("{WIDTH}x{HEIGHT}"),
            "the DOM run's window"
        );
        let image = read_png(&shot);
        assert_eq!(
            (image.width, image.height),
            (WIDTH as usize, HEIGHT as usize)
        );
        for name in names {
            let (node, status) = dom
                .nodes
                .get(name)
                .unwrap_or_else(|| panic!("a node for {name}"));
            assert_eq!(
                status, check.status,
                "step {}: {name}'s data-status",
                check.step
            );
            let (x0, y0, x1, y1) = node_box(&data, *node, &dom.ctm);
            assert!(
                x0 >= 0.0 && y0 >= 0.0 && x1 <= f64::from(WIDTH) && y1 <= f64::from(HEIGHT),
                "step {}: {name}'s node is inside the window",
                check.step
            );
            // The rectangle less a margin (outline, rounded corners): its
            // fill is the colour most of it shows (the text covers less).
            let (mx, my) = ((x1 - x0) * 0.12, (y1 - y0) * 0.15);
            let (found, share) = image.dominant_colour(
                (x0 + mx) as usize,
                (y0 + my) as usize,
                (x1 - mx) as usize,
                (y1 - my) as usize,
            );
            assert_eq!(
                found, *colour,
                "step {}: {name} is drawn in {found:?}, not the colour of {} {colour:?}",
                check.step, check.status
            );
            assert!(
                share > 0.5,
                "step {}: {name}'s fill covers {:.0}% of its node",
                check.step,
                share * 100.0
            );
        }
    }
    eprintln!("chromium checks took {:?}", started.elapsed());
}
