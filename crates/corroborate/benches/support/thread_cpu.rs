//! The CPU time of the calling thread as a criterion measurement, for benches on a shared,
//! loaded machine where the wall clock also counts the time other processes ran. It is read
//! from `/proc/thread-self/stat` (10 ms ticks, so a measured iteration should run for a good
//! many ticks; criterion's samples add iterations up).

use std::fs;
use std::time::Instant;

use criterion::Throughput;
use criterion::measurement::{Measurement, ValueFormatter};

/// CPU time (user and system) of the calling thread, in nanoseconds at the kernel's 10 ms
/// tick; the wall clock where `/proc` is absent.
pub struct ThreadCpuTime;

fn thread_cpu_nanos() -> Option<u64> {
    let stat = fs::read_to_string("/proc/thread-self/stat").ok()?;
    // The command name may hold spaces; the fields after it are space-separated.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(ticks * 10_000_000)
}

impl Measurement for ThreadCpuTime {
    type Intermediate = (Instant, Option<u64>);
    type Value = u64;

    fn start(&self) -> Self::Intermediate {
        (Instant::now(), thread_cpu_nanos())
    }
    fn end(&self, (started, cpu): Self::Intermediate) -> u64 {
        match (cpu, thread_cpu_nanos()) {
            (Some(before), Some(after)) => after - before,
            _ => started.elapsed().as_nanos() as u64,
        }
    }
    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, value: &u64) -> f64 {
        *value as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        &CpuFormatter
    }
}

/// Seconds and articles per CPU second.
struct CpuFormatter;

impl ValueFormatter for CpuFormatter {
    fn scale_values(&self, _typical: f64, values: &mut [f64]) -> &'static str {
        values.iter_mut().for_each(|value| *value /= 1e9);
        "s (CPU)"
    }
    fn scale_throughputs(
        &self,
        _typical: f64,
        throughput: &Throughput,
        values: &mut [f64],
    ) -> &'static str {
        let count = match *throughput {
            Throughput::Elements(n) | Throughput::ElementsAndBytes { elements: n, .. } => n,
            Throughput::Bytes(n) | Throughput::BytesDecimal(n) | Throughput::Bits(n) => n,
        } as f64;
        values
            .iter_mut()
            .for_each(|value| *value = count * 1e9 / *value);
        "elem/CPU s"
    }
    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}
