//! Prints how long loading and validating the content, decoding the compiled content bundle, and
//! one `assess` on each persona fixture take (native, release). Used by `scripts/bench`; numbers
//! only, no pass/fail.

use std::time::Instant;

use carryover_engine::{Catalog, assess, decode};

fn main() {
    let t0 = Instant::now();
    let catalog = Catalog::builtin().expect("valid content");
    println!(
        "catalog load+validate: {:.3} ms",
        t0.elapsed().as_secs_f64() * 1e3
    );
    // What the web app does instead: decode the bundle its build script encoded (median of 20).
    let bytes = carryover_engine::assess::bundle::Bundle::load()
        .expect("valid content")
        .encode();
    let mut decode_ms: Vec<f64> = (0..20)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(carryover_engine::assess::bundle::Bundle::decode(
                std::hint::black_box(&bytes),
            ));
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    decode_ms.sort_by(f64::total_cmp);
    println!(
        "content bundle decode ({} bytes): {:.3} ms",
        bytes.len(),
        decode_ms[10]
    );
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("read");
        let answers = decode(catalog, &text).expect("decode").document.answers;
        let n = 200;
        let mut times: Vec<f64> = (0..n)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(assess(catalog, std::hint::black_box(&answers)));
                t.elapsed().as_secs_f64() * 1e6
            })
            .collect();
        times.sort_by(f64::total_cmp);
        println!(
            "assess {:<36} median {:>7.1} µs  p90 {:>7.1} µs",
            path.file_stem().and_then(|s| s.to_str()).unwrap_or("?"),
            times[n / 2],
            times[n * 9 / 10]
        );
    }
}
