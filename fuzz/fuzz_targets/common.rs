//! What every fuzz target checks of a report (the same as the stable proptests).

use corroborate_ingest::{IngestConfig, IngestReport, ingest_bytes};

/// Reads `data` as a file called `name` under a small limit, so the limit paths run too,
/// and checks what must hold whatever the bytes.
pub fn check(name: &str, data: &[u8]) {
    let config = IngestConfig {
        max_bytes: 256 * 1024,
    };
    let report: IngestReport = ingest_bytes(name, data, &config);
    assert_eq!(report.articles.len(), report.details.len());
    for article in &report.articles {
        assert_eq!(article.origin.output_len(), article.text.len());
    }
}
