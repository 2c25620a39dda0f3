//! Fuzz target: any bytes read as `x.jsonl` never panic and give a well-formed report.
#![no_main]

mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    common::check("x.jsonl", data);
});
