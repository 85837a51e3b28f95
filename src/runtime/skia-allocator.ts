/**
 * How long @napi-rs/canvas's allocator (mimalloc) keeps freed memory before it hands it back to the OS. Its default is
 * 10 ms, but a 1080p frame's pixels are read out into a fresh 8 MB buffer every frame and freed a few frames later by
 * the garbage collector, so nearly every frame's copy landed in pages the kernel had to map and zero again (measured:
 * about 3 ms of CPU a frame, most of it in the kernel, a tenth of the engine's process). Kept for a second, freed
 * frames are reused while a video renders, and an idle process still gives the memory back soon after.
 *
 * mimalloc reads its options once, when the native library loads: this module must be imported before anything that
 * imports @napi-rs/canvas (first in each entry point). An operator's own MIMALLOC_PURGE_DELAY is left as it is.
 */
process.env.MIMALLOC_PURGE_DELAY ??= '1000';
