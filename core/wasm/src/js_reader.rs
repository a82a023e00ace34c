//! Measured only (feature `js-reader`): JS values read through the core's `Source`, as the package did before.
use js_sys::{Array, Reflect};
use tenantcheck_core::source::{NotData, Shape, Source};
use wasm_bindgen::prelude::*;

pub struct Js(pub JsValue);

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn object_keys(object: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Object, js_name = values)]
    fn object_values(object: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Array, js_name = from)]
    fn array_from(value: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(js_namespace = ArrayBuffer, js_name = isView)]
    fn is_view(value: &JsValue) -> bool;
}

impl Source for Js {
    fn shape(&self) -> Result<Shape, NotData> {
        let v = &self.0;
        if let Some(s) = v.as_string() {
            return Ok(Shape::Text(s));
        }
        Ok(if v.is_object() {
            match is_array(v) {
                Ok(true) => Shape::List,
                Ok(false) if is_view(v) => return Err(NotData("a typed array")),
                Ok(false) => Shape::Object,
                Err(_) => return Err(NotData("an object that cannot be read")),
            }
        } else if v.is_null() {
            Shape::Null
        } else if v.is_undefined() {
            Shape::Absent
        } else if let Some(b) = v.as_bool() {
            Shape::Bool(b)
        } else if v.as_f64().is_some() || v.is_bigint() {
            Shape::Number
        } else if v.is_function() {
            return Err(NotData("a function"));
        } else {
            return Err(NotData("a symbol"));
        })
    }

    fn items(&self) -> Result<Vec<Self>, NotData> {
        array_from(&self.0)
            .map(|a| a.to_vec().into_iter().map(Js).collect())
            .map_err(|_| NotData("a list whose items cannot be read"))
    }

    fn members(&self) -> Result<Vec<(String, Self)>, NotData> {
        let unreadable = NotData("an object whose members cannot be read");
        let values = object_values(&self.0).map_err(|_| unreadable)?;
        let keys = object_keys(&self.0).map_err(|_| unreadable)?;
        if keys.length() != values.length() {
            return Err(unreadable);
        }
        let mut members = Vec::with_capacity(keys.length() as usize);
        for i in 0..keys.length() {
            if let Some(key) = keys.get(i).as_string() {
                members.push((key, Js(values.get(i))));
            }
        }
        Ok(members)
    }

    fn get(&self, key: &str) -> Result<Option<Self>, NotData> {
        Reflect::get(&self.0, &JsValue::from_str(key))
            .map(|v| Some(Js(v)))
            .map_err(|_| NotData("a member that cannot be read"))
    }
}
