//! What the record is made of, below its schema ([`crate::schema`], which declares the record's types with these) and
//! its reader ([`crate::record`], which fills them): a field's value as given ([`Slot`]: absent, `null`, another JSON
//! type, or a value), the record's `id` ([`Id`]), and the places through which one reader and one writer reach every
//! field of every object ([`Object`], [`Place`], [`PlaceMut`]) without code per object type.
//!
//! The same types serialize the normalized record: camelCase names, `null` for no value.

use alloc::{string::String, vec::Vec};
use serde::{Serialize, Serializer};

/// The JSON type of a value, for `request.wrong_type` messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Bool,
    Number,
    Text,
    List,
    Object,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Bool => "boolean",
            Kind::Number => "number",
            Kind::Text => "string",
            Kind::List => "array",
            Kind::Object => "object",
        }
    }
}

/// One JSON value of a field, as read: absent, `null`, the expected type, or another type.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Slot<T> {
    #[default]
    Absent,
    Null,
    Value(T),
    Wrong(Kind),
}

impl<T> Slot<T> {
    /// The value, if the slot holds the expected type.
    pub fn value(&self) -> Option<&T> {
        match self {
            Slot::Value(v) => Some(v),
            _ => None,
        }
    }
    /// The value, made the type's default first where the slot holds none (absent, `null` or another JSON type: a
    /// caller that must report a wrong type checks [`Slot::wrong`] first).
    pub fn value_or_default(&mut self) -> Option<&mut T>
    where
        T: Default,
    {
        if !matches!(self, Slot::Value(_)) {
            *self = Slot::Value(T::default());
        }
        match self {
            Slot::Value(v) => Some(v),
            _ => None,
        }
    }

    /// The wrong type found, if any.
    pub fn wrong(&self) -> Option<Kind> {
        match self {
            Slot::Wrong(k) => Some(*k),
            _ => None,
        }
    }
}

impl<T: Serialize> Serialize for Slot<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Slot::Value(v) => v.serialize(s),
            _ => s.serialize_none(),
        }
    }
}

/// A text field.
pub type Text = Slot<String>;
/// A boolean field.
pub type Flag = Slot<bool>;

impl Text {
    /// The text, or `""` for no value (absent, `null`, wrong type).
    pub fn as_str(&self) -> &str {
        self.value().map_or("", String::as_str)
    }
}

/// A list field (`markets`): its items are text slots.
pub type List = Slot<Vec<Text>>;

/// A slot's state when it holds no value of the expected type: absent, `null`, or another JSON type.
pub type NoValue = Slot<core::convert::Infallible>;

impl<T> Slot<T> {
    /// The slot in state `state`.
    fn set_none(&mut self, state: NoValue) {
        *self = match state {
            Slot::Absent => Slot::Absent,
            Slot::Null => Slot::Null,
            Slot::Wrong(kind) => Slot::Wrong(kind),
            Slot::Value(never) => match never {},
        };
    }
}

/// An object of the record (the record itself, `syncOptions`, `account`, `contact`, an address), seen through its
/// schema ([`crate::schema`]): its fields by place, in the order of their JSON names. Implemented by the schema's
/// declaration for each object, so that one reader and one writer, neither generic over the object, serve them all:
/// in WebAssembly a copy per object costs kilobytes.
pub trait Object {
    /// The JSON names of the fields, in order.
    fn keys(&self) -> &'static [&'static str];
    /// The field at place `i` of [`Object::keys`].
    fn place(&self, i: usize) -> Option<Place<'_>>;
    /// [`Object::place`], to change the field.
    fn place_mut(&mut self, i: usize) -> Option<PlaceMut<'_>>;
    /// Keys of the JSON object that the record does not know, in order.
    fn unknown_mut(&mut self) -> &mut Vec<String>;
    /// The record's `id`, which only the record itself has: not a field ([`Id`]).
    fn id_mut(&mut self) -> Option<&mut Id> {
        None
    }
}

/// The record's `id` (`request.md`): what the caller joins results on, echoed as the result's `id`. Not a field of the
/// record: neither validated by a rule nor normalized. Read as a string of at most [`Id::MAX_CHARS`] characters or an
/// integer of at most [`Id::MAX_DIGITS`] digits; anything else is [`Id::Bad`], which the walker reports
/// (`request.bad_id`). `null` is no ID, as `null` is no value everywhere in the record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Id {
    #[default]
    Absent,
    Text(String),
    Int(i64),
    /// Another JSON type, a fraction, a longer string or a larger integer.
    Bad,
}

impl Id {
    /// The longest ID string, in characters (`request.md`).
    pub const MAX_CHARS: usize = 200;
    /// The most digits of an ID integer (**decision**): JavaScript's numbers hold every integer of 15 digits exactly,
    /// so every host echoes the same ID.
    pub const MAX_DIGITS: u32 = 15;

    /// An ID string, checked.
    pub fn text(s: String) -> Id {
        if crate::text::char_count(&s) <= Self::MAX_CHARS {
            Id::Text(s)
        } else {
            Id::Bad
        }
    }

    /// An ID number, checked: a whole number of at most [`Id::MAX_DIGITS`] digits.
    pub fn number(n: f64) -> Id {
        const LIMIT: f64 = 1e15;
        if n > -LIMIT && n < LIMIT && (n as i64) as f64 == n {
            Id::Int(n as i64)
        } else {
            Id::Bad
        }
    }

    /// Whether the result has no ID to echo.
    pub fn is_none(&self) -> bool {
        !matches!(self, Id::Text(_) | Id::Int(_))
    }
}

/// The result's `id`: the string or the integer; `null` for none (a result leaves it out then).
impl Serialize for Id {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Id::Text(t) => s.serialize_str(t),
            Id::Int(n) => s.serialize_i64(*n),
            Id::Absent | Id::Bad => s.serialize_none(),
        }
    }
}

/// The slot of an [`Object`]: what the reader, the writer and the path walker need of a `Slot<T>` without knowing
/// `T`.
pub trait ObjectSlot {
    /// The object, if the slot holds one.
    fn object(&self) -> Option<&dyn Object>;
    /// The object, made empty first where the slot holds none (absent, `null` or another JSON type). Always `Some`:
    /// an `Option` rather than a panic path for the case that cannot happen.
    fn object_or_default(&mut self) -> Option<&mut dyn Object>;
    /// Empties the slot.
    fn set_none(&mut self, state: NoValue);
}

impl<T: Object + Default> ObjectSlot for Slot<T> {
    fn object(&self) -> Option<&dyn Object> {
        self.value().map(|o| o as &dyn Object)
    }
    fn object_or_default(&mut self) -> Option<&mut dyn Object> {
        if !matches!(self, Slot::Value(_)) {
            *self = Slot::Value(T::default());
        }
        match self {
            Slot::Value(o) => Some(o),
            _ => None,
        }
    }
    fn set_none(&mut self, state: NoValue) {
        Slot::set_none(self, state);
    }
}

/// A new empty object in `slot`, for a reader: a key read twice (in JSON text) is read anew, not merged.
pub(crate) fn new_object(slot: &mut dyn ObjectSlot) -> Option<&mut dyn Object> {
    slot.set_none(Slot::Absent);
    slot.object_or_default()
}

/// A field of an [`Object`], by what it holds.
#[derive(Clone, Copy)]
pub enum Place<'a> {
    Text(&'a Text),
    Flag(&'a Flag),
    List(&'a List),
    Object(&'a dyn ObjectSlot),
}

/// [`Place`], to change the field; or the record's `id`, which the readers read as they read a field.
pub enum PlaceMut<'a> {
    Text(&'a mut Text),
    Flag(&'a mut Flag),
    List(&'a mut List),
    Object(&'a mut dyn ObjectSlot),
    Id(&'a mut Id),
}

impl PlaceMut<'_> {
    pub(crate) fn set_none(self, state: NoValue) {
        match self {
            PlaceMut::Text(t) => t.set_none(state),
            PlaceMut::Flag(f) => f.set_none(state),
            PlaceMut::List(l) => l.set_none(state),
            PlaceMut::Object(o) => o.set_none(state),
            PlaceMut::Id(id) => *id = if matches!(state, Slot::Wrong(_)) { Id::Bad } else { Id::Absent },
        }
    }
}

/// The [`Place`] of each type a record's field has; the schema's declaration calls it for each field.
pub trait AsPlace {
    fn as_place(&self) -> Place<'_>;
    fn as_place_mut(&mut self) -> PlaceMut<'_>;
}

impl AsPlace for Text {
    fn as_place(&self) -> Place<'_> {
        Place::Text(self)
    }
    fn as_place_mut(&mut self) -> PlaceMut<'_> {
        PlaceMut::Text(self)
    }
}

impl AsPlace for Flag {
    fn as_place(&self) -> Place<'_> {
        Place::Flag(self)
    }
    fn as_place_mut(&mut self) -> PlaceMut<'_> {
        PlaceMut::Flag(self)
    }
}

impl AsPlace for List {
    fn as_place(&self) -> Place<'_> {
        Place::List(self)
    }
    fn as_place_mut(&mut self) -> PlaceMut<'_> {
        PlaceMut::List(self)
    }
}

impl<T: Object + Default> AsPlace for Slot<T> {
    fn as_place(&self) -> Place<'_> {
        Place::Object(self)
    }
    fn as_place_mut(&mut self) -> PlaceMut<'_> {
        PlaceMut::Object(self)
    }
}
