//! Fuzz target: any bytes read as an RSS/Atom feed and as a JSON Feed never panic and give a
//! well-formed report.
#![no_main]

mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    common::check("x.rss", data);
    common::check("x.json", data);
});
