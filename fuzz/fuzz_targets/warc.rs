//! Fuzz target: any bytes read as a WARC archive, plain and gzip-compressed, never panic and
//! give a well-formed report.
#![no_main]

mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    common::check("x.warc", data);
    common::check("x.warc.gz", data);
});
