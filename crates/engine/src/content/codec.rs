//! A small binary codec for the compiled content bundle ([`crate::bundle`]): the validated catalog,
//! register rules and budget defaults, written at build time and read back in the web app without
//! a general-purpose deserializer.
//!
//! The format is positional: a record is its fields in declaration order, with no names or tags.
//! Unsigned integers are LEB128 varints, `f64` is 8 bytes little-endian, a string or sequence is
//! its length then its items, an `Option` and an enum a one-byte tag first. Both directions of a
//! record come from one field list ([`record!`]), so they cannot drift apart, and a field added to
//! a type without being added to its list fails to compile. Decoding never panics: damaged or
//! truncated bytes give `None`.

use std::collections::BTreeMap;

/// Deepest nesting of conditions a decoder accepts (the content nests two or three levels).
const MAX_DEPTH: u32 = 64;

/// Reads values from a byte slice; every read returns `None` when the bytes run out or are wrong.
pub(crate) struct Reader<'a> {
    rest: &'a [u8],
    /// String bytes, kept apart from the structure (see [`Writer`]).
    text: &'a [u8],
    depth: u32,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `bytes`.
    pub(crate) fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader {
            rest: bytes,
            text: &[],
            depth: 0,
        }
    }

    /// A reader of what [`Writer::finish`] wrote: the structure's length, the structure, the text.
    pub(crate) fn split(bytes: &'a [u8]) -> Option<Reader<'a>> {
        let mut r = Reader::new(bytes);
        let n = usize::try_from(r.varint()?).ok()?;
        let (structure, text) = r.rest.split_at_checked(n)?;
        Some(Reader {
            rest: structure,
            text,
            depth: 0,
        })
    }

    /// True when every byte was read.
    pub(crate) fn is_empty(&self) -> bool {
        self.rest.is_empty() && self.text.is_empty()
    }

    /// The next `n` bytes of text.
    fn take_text(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.text.split_at_checked(n)?;
        self.text = rest;
        Some(head)
    }

    /// One byte.
    pub(crate) fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.rest.split_first()?;
        self.rest = rest;
        Some(b)
    }

    /// The next `n` bytes.
    pub(crate) fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.rest.split_at_checked(n)?;
        self.rest = rest;
        Some(head)
    }

    /// An unsigned LEB128 number.
    fn varint(&mut self) -> Option<u64> {
        let mut value = 0_u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            value |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Some(value);
            }
        }
        None
    }

    /// A length, never more than the bytes left (each item takes at least one byte).
    fn len(&mut self) -> Option<usize> {
        usize::try_from(self.varint()?)
            .ok()
            .filter(|&n| n <= self.rest.len())
    }

    /// Runs `f` one nesting level deeper (recursive types), refusing absurd depths.
    pub(crate) fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        if self.depth >= MAX_DEPTH {
            return None;
        }
        self.depth += 1;
        let value = f(self);
        self.depth -= 1;
        value
    }
}

/// A value that can be read back from the bundle.
pub(crate) trait Decode: Sized {
    /// Reads one value.
    fn decode(r: &mut Reader<'_>) -> Option<Self>;
}

/// Collects encoded values (build time only): the structure (numbers, tags, lengths) and the
/// text of every string in two streams, so the text reads as one run and compresses better.
#[cfg(feature = "load")]
#[derive(Default)]
pub(crate) struct Writer {
    structure: Vec<u8>,
    text: Vec<u8>,
}

#[cfg(feature = "load")]
impl Writer {
    /// Appends one byte to the structure.
    pub(crate) fn push(&mut self, b: u8) {
        self.structure.push(b);
    }

    /// Appends bytes to the structure.
    fn extend_from_slice(&mut self, bytes: &[u8]) {
        self.structure.extend_from_slice(bytes);
    }

    /// The structure alone (for a container written with no strings).
    pub(crate) fn into_structure(self) -> Vec<u8> {
        self.structure
    }

    /// The bytes for [`Reader::split`].
    pub(crate) fn finish(self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.structure.len() + self.text.len() + 4);
        put_varint(&mut out, self.structure.len() as u64);
        out.extend(self.structure);
        out.extend(self.text);
        out
    }
}

/// A value that can be written into the bundle (build time only).
#[cfg(feature = "load")]
pub(crate) trait Encode {
    /// Appends the value.
    fn encode(&self, out: &mut Writer);
}

#[cfg(feature = "load")]
fn put_varint(out: &mut impl Extend<u8>, mut value: u64) {
    loop {
        let low = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.extend([low]);
            return;
        }
        out.extend([low | 0x80]);
    }
}

/// Writes a record's fields in the order listed; reads them back in the same order. Fields after
/// `+` are not stored: when reading they are computed from the stored ones (named as variables,
/// borrowed), and they must implement `Default`.
macro_rules! record {
    ($ty:ident { $($field:ident),* $(,)? }) => {
        $crate::content::codec::record!($ty { $($field),* } + {});
    };
    ($ty:ident { $($field:ident),* $(,)? } + { $($derived:ident : $value:expr),* $(,)? }) => {
        impl $crate::content::codec::Decode for $ty {
            fn decode(r: &mut $crate::content::codec::Reader<'_>) -> Option<Self> {
                #[allow(unused_mut)]
                let mut value = $ty {
                    $($field: $crate::content::codec::Decode::decode(r)?,)*
                    $($derived: Default::default(),)*
                };
                #[allow(unused_variables, clippy::unused_unit)]
                let ($($derived,)*) = {
                    let $ty { $($field,)* .. } = &value;
                    ($($value,)*)
                };
                $(value.$derived = $derived;)*
                Some(value)
            }
        }
        #[cfg(feature = "load")]
        impl $crate::content::codec::Encode for $ty {
            fn encode(&self, out: &mut $crate::content::codec::Writer) {
                let $ty { $($field,)* $($derived: _,)* } = self;
                $($crate::content::codec::Encode::encode($field, out);)*
            }
        }
    };
}

/// Writes a fieldless enum as its position in the list (which must name every variant).
macro_rules! unit_enum {
    ($ty:ident { $($variant:ident),* $(,)? }) => {
        impl $crate::content::codec::Decode for $ty {
            fn decode(r: &mut $crate::content::codec::Reader<'_>) -> Option<Self> {
                [$($ty::$variant),*].get(usize::from(r.byte()?)).copied()
            }
        }
        #[cfg(feature = "load")]
        impl $crate::content::codec::Encode for $ty {
            fn encode(&self, out: &mut $crate::content::codec::Writer) {
                // Fails to compile when a variant is missing from the list.
                let _every_variant = |x: $ty| match x { $($ty::$variant => ()),* };
                let position = [$($ty::$variant),*].iter().position(|x| x == self);
                out.push(position.map_or(u8::MAX, |p| p as u8));
            }
        }
    };
}

pub(crate) use {record, unit_enum};

impl Decode for u8 {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        r.byte()
    }
}

impl Decode for bool {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        match r.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

impl Decode for u32 {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        u32::try_from(r.varint()?).ok()
    }
}

impl Decode for usize {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        usize::try_from(r.varint()?).ok()
    }
}

impl Decode for f64 {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        Some(f64::from_le_bytes(r.take(8)?.try_into().ok()?))
    }
}

impl Decode for String {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let n = usize::try_from(r.varint()?).ok()?;
        std::str::from_utf8(r.take_text(n)?).ok().map(str::to_owned)
    }
}

impl<T: Decode> Decode for Option<T> {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        match r.byte()? {
            0 => Some(None),
            1 => Some(Some(T::decode(r)?)),
            _ => None,
        }
    }
}

impl<T: Decode> Decode for Box<T> {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        r.nested(T::decode).map(Box::new)
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let n = r.len()?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(T::decode(r)?);
        }
        Some(out)
    }
}

impl<K: Decode + Ord, V: Decode> Decode for BTreeMap<K, V> {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let n = r.len()?;
        let mut out = BTreeMap::new();
        for _ in 0..n {
            let k = K::decode(r)?;
            out.insert(k, V::decode(r)?);
        }
        (out.len() == n).then_some(out)
    }
}

impl<A: Decode, B: Decode> Decode for (A, B) {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let a = A::decode(r)?;
        Some((a, B::decode(r)?))
    }
}

impl<const N: usize> Decode for [f64; N] {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let mut out = [0.0; N];
        for x in &mut out {
            *x = f64::decode(r)?;
        }
        Some(out)
    }
}

#[cfg(feature = "load")]
mod encode {
    use std::collections::BTreeMap;

    use super::{Encode, Writer, put_varint};

    impl Encode for u8 {
        fn encode(&self, out: &mut Writer) {
            out.push(*self);
        }
    }

    impl Encode for bool {
        fn encode(&self, out: &mut Writer) {
            out.push(u8::from(*self));
        }
    }

    impl Encode for u32 {
        fn encode(&self, out: &mut Writer) {
            put_varint(&mut out.structure, u64::from(*self));
        }
    }

    impl Encode for usize {
        fn encode(&self, out: &mut Writer) {
            put_varint(&mut out.structure, *self as u64);
        }
    }

    impl Encode for f64 {
        fn encode(&self, out: &mut Writer) {
            out.extend_from_slice(&self.to_le_bytes());
        }
    }

    impl Encode for String {
        fn encode(&self, out: &mut Writer) {
            put_varint(&mut out.structure, self.len() as u64);
            out.text.extend_from_slice(self.as_bytes());
        }
    }

    impl<T: Encode> Encode for Option<T> {
        fn encode(&self, out: &mut Writer) {
            match self {
                None => out.push(0),
                Some(x) => {
                    out.push(1);
                    x.encode(out);
                }
            }
        }
    }

    impl<T: Encode> Encode for Box<T> {
        fn encode(&self, out: &mut Writer) {
            (**self).encode(out);
        }
    }

    impl<T: Encode> Encode for Vec<T> {
        fn encode(&self, out: &mut Writer) {
            put_varint(&mut out.structure, self.len() as u64);
            for x in self {
                x.encode(out);
            }
        }
    }

    impl<K: Encode, V: Encode> Encode for BTreeMap<K, V> {
        fn encode(&self, out: &mut Writer) {
            put_varint(&mut out.structure, self.len() as u64);
            for (k, v) in self {
                k.encode(out);
                v.encode(out);
            }
        }
    }

    impl<A: Encode, B: Encode> Encode for (A, B) {
        fn encode(&self, out: &mut Writer) {
            self.0.encode(out);
            self.1.encode(out);
        }
    }

    impl<const N: usize> Encode for [f64; N] {
        fn encode(&self, out: &mut Writer) {
            for x in self {
                x.encode(out);
            }
        }
    }
}
