//! The serde visitors that walk a price list as a stream: the top object, `products`, each
//! product's attributes, `terms` and the `PriceList` of `get-products` output, keeping only what a
//! matcher wants and skipping the rest unread.

use std::collections::HashMap;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::*;

/// The whole file: the top-level object.
pub(super) struct TopSeed<'s, 'm>(pub(super) &'s mut State<'m>);

impl<'de> DeserializeSeed<'de> for TopSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for TopSeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let st = self.0;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "offerCode" => st.offer_code = map.next_value()?,
                "publicationDate" => {
                    let text: String = map.next_value()?;
                    st.publication = date_of(&text).ok_or_else(|| {
                        de::Error::custom(format!("publicationDate \"{text}\" is not a date"))
                    })?;
                }
                "products" => {
                    st.layout = Some(Layout::OfferFile);
                    map.next_value_seed(ProductsSeed(st))?;
                    st.saw_products = true;
                    // Terms read before the products wait here for them (dated at the end).
                    let early = std::mem::take(&mut st.early_terms);
                    for (sku, dims) in early {
                        if let Some(w) = st.wanted.get(&sku).cloned() {
                            st.price(&sku, &w, &dims, "");
                        }
                    }
                }
                "terms" => map.next_value_seed(TermsSeed(st))?,
                "PriceList" => {
                    st.layout = Some(Layout::GetProducts);
                    map.next_value_seed(PriceListSeed(st))?;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        if st.layout == Some(Layout::OfferFile) && st.publication.is_empty() {
            return Err(de::Error::custom(
                "the offer file has no publicationDate, so its prices cannot be dated",
            ));
        }
        Ok(())
    }
}

/// `products`: SKU → product.
struct ProductsSeed<'s, 'm>(&'s mut State<'m>);

impl<'de> DeserializeSeed<'de> for ProductsSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ProductsSeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("products keyed by SKU")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let st = self.0;
        while let Some(sku) = map.next_key::<String>()? {
            let len = map.next_value_seed(ProductSeed(st))?;
            let offer = st.offer_code.clone();
            if let Some(w) = st.match_product(len, &offer) {
                st.wanted.insert(sku, w);
            }
        }
        Ok(())
    }
}

/// One product: its attributes go into the state's reused buffer; returns how many.
struct ProductSeed<'s, 'm>(&'s mut State<'m>);

impl<'de> DeserializeSeed<'de> for ProductSeed<'_, '_> {
    type Value = usize;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ProductSeed<'_, '_> {
    type Value = usize;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a product")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<usize, A::Error> {
        let mut len = 0;
        while let Some(key) = map.next_key::<KeyName>()? {
            if key.0 {
                len = map.next_value_seed(AttrsSeed(&mut self.0.attrs))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(len)
    }
}

/// A product's key: whether it is `attributes` (nothing else is kept, nor allocated).
struct KeyName(bool);

impl<'de> Deserialize<'de> for KeyName {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<KeyName, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = KeyName;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<KeyName, E> {
                Ok(KeyName(v == "attributes"))
            }
        }
        d.deserialize_str(V)
    }
}

/// `attributes`: name → value, into reused strings; returns how many.
struct AttrsSeed<'a>(&'a mut Vec<(String, String)>);

impl<'de> DeserializeSeed<'de> for AttrsSeed<'_> {
    type Value = usize;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for AttrsSeed<'_> {
    type Value = usize;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("product attributes")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<usize, A::Error> {
        let attrs = self.0;
        let mut n = 0;
        loop {
            if n == attrs.len() {
                attrs.push((String::new(), String::new()));
            }
            let (k, v) = &mut attrs[n];
            k.clear();
            if map.next_key_seed(TextInto(k))?.is_none() {
                return Ok(n);
            }
            v.clear();
            map.next_value_seed(TextInto(v))?;
            n += 1;
        }
    }
}

/// A string (or a number or boolean, written as text) appended to a reused buffer.
struct TextInto<'a>(&'a mut String);

impl<'de> DeserializeSeed<'de> for TextInto<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl Visitor<'_> for TextInto<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("text")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.0.push_str(v);
        Ok(())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        self.0.push_str(&v.to_string());
        Ok(())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<(), E> {
        self.0.push_str(&v.to_string());
        Ok(())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<(), E> {
        self.0.push_str(&v.to_string());
        Ok(())
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<(), E> {
        self.0.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
}

/// `terms`: `OnDemand` is read; `Reserved` and any other term type are skipped.
struct TermsSeed<'s, 'm>(&'s mut State<'m>);

impl<'de> DeserializeSeed<'de> for TermsSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for TermsSeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("terms by type")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let st = self.0;
        while let Some(kind) = map.next_key::<String>()? {
            if kind == "OnDemand" {
                map.next_value_seed(OnDemandSeed(st))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

/// `terms.OnDemand`: SKU → offer term code → term. Only wanted SKUs are decoded.
struct OnDemandSeed<'s, 'm>(&'s mut State<'m>);

impl<'de> DeserializeSeed<'de> for OnDemandSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for OnDemandSeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("On-Demand terms keyed by SKU")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let st = self.0;
        while let Some(sku) = map.next_key::<String>()? {
            if !st.saw_products {
                let terms: HashMap<String, Term> = map.next_value()?;
                st.early_terms.insert(sku, dims_of(terms));
                continue;
            }
            let Some(wanted) = st.wanted.get(&sku).cloned() else {
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            let terms: HashMap<String, Term> = map.next_value()?;
            // Dated with the file's publicationDate once the whole file is read.
            st.price(&sku, &wanted, &dims_of(terms), "");
        }
        Ok(())
    }
}

/// `PriceList`: each element one product with its terms, as a JSON string (or an object).
struct PriceListSeed<'s, 'm>(&'s mut State<'m>);

impl<'de> DeserializeSeed<'de> for PriceListSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for PriceListSeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of products")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let st = self.0;
        let mut index = 0usize;
        while let Some(item) = seq.next_element_seed(ItemSeed(index))? {
            st.item(item).map_err(de::Error::custom)?;
            index += 1;
        }
        Ok(())
    }
}

/// One get-products element, the fields read.
#[derive(Debug, Deserialize)]
struct Item {
    product: ItemProduct,
    #[serde(rename = "serviceCode", default)]
    service_code: String,
    #[serde(default)]
    terms: ItemTerms,
    #[serde(rename = "publicationDate", default)]
    publication_date: String,
}

#[derive(Debug, Deserialize)]
struct ItemProduct {
    #[serde(default)]
    sku: String,
    #[serde(default)]
    attributes: HashMap<String, String>,
}

#[derive(Debug, Default, Deserialize)]
struct ItemTerms {
    #[serde(rename = "OnDemand", default)]
    on_demand: HashMap<String, Term>,
}

/// A get-products element: a JSON string to decode, or an object already decoded.
struct ItemSeed(usize);

impl<'de> DeserializeSeed<'de> for ItemSeed {
    type Value = Item;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Item, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ItemSeed {
    type Value = Item;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a product as a JSON string")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Item, E> {
        serde_json::from_str(v).map_err(|e| {
            E::custom(format!(
                "PriceList element {} is not a product: {e}",
                self.0 + 1
            ))
        })
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Item, A::Error> {
        Item::deserialize(de::value::MapAccessDeserializer::new(map))
    }
}

impl State<'_> {
    fn item(&mut self, item: Item) -> Result<(), String> {
        if !item.service_code.is_empty() && !self.item_offers.contains(&item.service_code) {
            self.item_offers.push(item.service_code.clone());
        }
        let len = item.product.attributes.len();
        self.attrs.clear();
        self.attrs.extend(item.product.attributes);
        let Some(wanted) = self.match_product(len, &item.service_code) else {
            return Ok(());
        };
        let date = date_of(&item.publication_date).ok_or_else(|| {
            format!(
                "product {} has no publicationDate, so its price cannot be dated",
                item.product.sku
            )
        })?;
        let dims = dims_of(item.terms.on_demand);
        self.price(&item.product.sku, &wanted, &dims, &date);
        Ok(())
    }
}
