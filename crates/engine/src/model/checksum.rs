//! Small checksums shared by the share-link codec, the calendar writer and the content bundle.

/// 32-bit FNV-1a: a short, dependency-free checksum for share links and calendar UIDs (it detects
/// accidental damage; it is not a defence against a deliberate forger, who could recompute it).
pub fn fnv1a32(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in bytes {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// 64-bit FNV-1a: identifies a compiled content bundle and checks a language's part of it for
/// accidental damage (like [`fnv1a32`], not a defence against a forger).
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}
