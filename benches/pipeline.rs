//! Criterion benchmarks per stage on the bundled corpus, with the baseline
//! the targets are stated against: a bare UTF-8 decode + NFC pass over the
//! same bytes. Run: `cargo bench --bench pipeline`.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use std::hint::black_box;
use unicode_normalization::UnicodeNormalization;
use vnplan_engine::normalize::{normalize, NormalizeOptions};

fn corpus_texts() -> Vec<(String, Vec<u8>)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect();
    v.sort();
    v
}

fn stages(c: &mut Criterion) {
    let texts = corpus_texts();
    let total: usize = texts.iter().map(|t| t.1.len()).sum();
    let mut g = c.benchmark_group("text-corpus");
    g.throughput(Throughput::Bytes(total as u64));
    g.bench_function("baseline: utf8 + nfc", |b| {
        b.iter(|| {
            for (_, bytes) in &texts {
                let s = std::str::from_utf8(bytes).unwrap();
                black_box(s.nfc().count());
            }
        })
    });
    g.bench_function("normalize", |b| {
        b.iter(|| {
            for (_, bytes) in &texts {
                let s = std::str::from_utf8(bytes).unwrap();
                black_box(normalize(s, &[], &NormalizeOptions::default()));
            }
        })
    });
    let normalized: Vec<_> = texts
        .iter()
        .map(|(_, b)| {
            normalize(
                std::str::from_utf8(b).unwrap(),
                &[],
                &NormalizeOptions::default(),
            )
        })
        .collect();
    g.bench_function("segment", |b| {
        b.iter(|| {
            for n in &normalized {
                black_box(vnplan_engine::segment::segment(n));
            }
        })
    });
    g.bench_function("whole pipeline (text)", |b| {
        b.iter_batched(
            || (),
            |_| {
                for (name, bytes) in &texts {
                    black_box(
                        vnplan_engine::process_bytes(
                            name,
                            bytes,
                            None,
                            &vnplan_engine::Options::default(),
                        )
                        .unwrap(),
                    );
                }
            },
            BatchSize::SmallInput,
        )
    });
    g.finish();

    let pdfs: Vec<_> = {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
        let mut v: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
            .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
            .collect();
        v.sort();
        v
    };
    let mut g = c.benchmark_group("pdf-corpus");
    g.sample_size(10);
    g.bench_function("whole pipeline (pdf)", |b| {
        b.iter(|| {
            for (name, bytes) in &pdfs {
                black_box(
                    vnplan_engine::process_bytes(
                        name,
                        bytes,
                        None,
                        &vnplan_engine::Options::default(),
                    )
                    .unwrap(),
                );
            }
        })
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
