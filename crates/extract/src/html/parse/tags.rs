//! The element names the tree builder treats specially, as a small enum,
//! and the HTML5 categories it needs them in.
//!
//! Every start and end tag is looked up once; the builder then compares
//! enum values (and keeps per-name counts of open elements) instead of
//! strings. Names it has no rule for are [`Tag::Other`]. Flattening
//! ([`crate::html::dom`]) names its elements with the same enum.

/// An element name the builder knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Tag {
    Other,
    A,
    Address,
    Applet,
    Area,
    Article,
    Aside,
    B,
    Base,
    Basefont,
    Bgsound,
    Big,
    Blockquote,
    Body,
    Br,
    Button,
    Caption,
    Center,
    Code,
    Col,
    Colgroup,
    Dd,
    Details,
    Dialog,
    Dir,
    Div,
    Dl,
    Dt,
    Em,
    Embed,
    Fieldset,
    Figcaption,
    Figure,
    Font,
    Footer,
    Form,
    Frame,
    Frameset,
    H1,
    H2,
    H3,
    H4,
    H5,
    H6,
    Head,
    Header,
    Hgroup,
    Hr,
    Html,
    I,
    Iframe,
    Image,
    Img,
    Input,
    Keygen,
    Li,
    Link,
    Listing,
    Main,
    Marquee,
    Menu,
    Meta,
    Nav,
    Nobr,
    Noembed,
    Noframes,
    Noscript,
    Object,
    Ol,
    Optgroup,
    Option,
    P,
    Param,
    Plaintext,
    Pre,
    Ruby,
    S,
    Script,
    Search,
    Section,
    Select,
    Small,
    Source,
    Span,
    Strike,
    Strong,
    Style,
    Sub,
    Summary,
    Sup,
    Svg,
    Table,
    Tbody,
    Td,
    Template,
    Textarea,
    Tfoot,
    Th,
    Thead,
    Title,
    Tr,
    Track,
    Tt,
    U,
    Ul,
    Var,
    Wbr,
    Xmp,
}

/// The longest name in [`Tag`]: longer names are [`Tag::Other`] unread.
pub const LONGEST: usize = 10;

impl Tag {
    /// The tag for a lowercase name.
    pub fn of(name: &[u8]) -> Tag {
        use Tag::*;
        match name {
            b"a" => A,
            b"address" => Address,
            b"applet" => Applet,
            b"area" => Area,
            b"article" => Article,
            b"aside" => Aside,
            b"b" => B,
            b"base" => Base,
            b"basefont" => Basefont,
            b"bgsound" => Bgsound,
            b"big" => Big,
            b"blockquote" => Blockquote,
            b"body" => Body,
            b"br" => Br,
            b"button" => Button,
            b"caption" => Caption,
            b"center" => Center,
            b"code" => Code,
            b"col" => Col,
            b"colgroup" => Colgroup,
            b"dd" => Dd,
            b"details" => Details,
            b"dialog" => Dialog,
            b"dir" => Dir,
            b"div" => Div,
            b"dl" => Dl,
            b"dt" => Dt,
            b"em" => Em,
            b"embed" => Embed,
            b"fieldset" => Fieldset,
            b"figcaption" => Figcaption,
            b"figure" => Figure,
            b"font" => Font,
            b"footer" => Footer,
            b"form" => Form,
            b"frame" => Frame,
            b"frameset" => Frameset,
            b"h1" => H1,
            b"h2" => H2,
            b"h3" => H3,
            b"h4" => H4,
            b"h5" => H5,
            b"h6" => H6,
            b"head" => Head,
            b"header" => Header,
            b"hgroup" => Hgroup,
            b"hr" => Hr,
            b"html" => Html,
            b"i" => I,
            b"iframe" => Iframe,
            b"image" => Image,
            b"img" => Img,
            b"input" => Input,
            b"keygen" => Keygen,
            b"li" => Li,
            b"link" => Link,
            b"listing" => Listing,
            b"main" => Main,
            b"marquee" => Marquee,
            b"menu" => Menu,
            b"meta" => Meta,
            b"nav" => Nav,
            b"nobr" => Nobr,
            b"noembed" => Noembed,
            b"noframes" => Noframes,
            b"noscript" => Noscript,
            b"object" => Object,
            b"ol" => Ol,
            b"optgroup" => Optgroup,
            b"option" => Option,
            b"p" => P,
            b"param" => Param,
            b"plaintext" => Plaintext,
            b"pre" => Pre,
            b"ruby" => Ruby,
            b"s" => S,
            b"script" => Script,
            b"search" => Search,
            b"section" => Section,
            b"select" => Select,
            b"small" => Small,
            b"source" => Source,
            b"span" => Span,
            b"strike" => Strike,
            b"strong" => Strong,
            b"style" => Style,
            b"sub" => Sub,
            b"summary" => Summary,
            b"sup" => Sup,
            b"svg" => Svg,
            b"table" => Table,
            b"tbody" => Tbody,
            b"td" => Td,
            b"template" => Template,
            b"textarea" => Textarea,
            b"tfoot" => Tfoot,
            b"th" => Th,
            b"thead" => Thead,
            b"title" => Title,
            b"tr" => Tr,
            b"track" => Track,
            b"tt" => Tt,
            b"u" => U,
            b"ul" => Ul,
            b"var" => Var,
            b"wbr" => Wbr,
            b"xmp" => Xmp,
            _ => Other,
        }
    }

    /// Elements that never have children.
    pub fn is_void(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Area | Base
                | Basefont
                | Bgsound
                | Br
                | Col
                | Embed
                | Frame
                | Hr
                | Image
                | Img
                | Input
                | Keygen
                | Link
                | Meta
                | Param
                | Source
                | Track
                | Wbr
        )
    }

    /// HTML5's "special" elements: an end tag for an inline element does
    /// not close past one of these (it is a block boundary).
    pub fn is_special(self) -> bool {
        use Tag::*;
        !matches!(
            self,
            Other
                | A
                | B
                | Big
                | Code
                | Em
                | Font
                | I
                | Nobr
                | S
                | Small
                | Strike
                | Strong
                | Tt
                | U
                | Optgroup
                | Option
                | Image
                | Svg
                | Span
                | Sub
                | Sup
                | Var
                | Ruby
        )
    }

    /// HTML start tags that end an SVG element left open: HTML5 pops out
    /// of foreign content on these.
    pub fn breaks_out_of_svg(self) -> bool {
        use Tag::*;
        matches!(
            self,
            B | Big
                | Blockquote
                | Body
                | Br
                | Center
                | Code
                | Dd
                | Div
                | Dl
                | Dt
                | Em
                | Embed
                | H1
                | H2
                | H3
                | H4
                | H5
                | H6
                | Head
                | Hr
                | I
                | Img
                | Li
                | Listing
                | Menu
                | Meta
                | Nobr
                | Ol
                | P
                | Pre
                | Ruby
                | S
                | Small
                | Span
                | Strong
                | Strike
                | Sub
                | Sup
                | Table
                | Tt
                | U
                | Ul
                | Var
        )
    }

    /// Names of SVG elements as well as HTML ones: their end tags inside
    /// an SVG close the SVG element.
    pub fn is_svg_too(self) -> bool {
        matches!(
            self,
            Tag::Other | Tag::Svg | Tag::Title | Tag::Style | Tag::Script | Tag::Image
        )
    }

    /// Boundaries of HTML5's default scope: an end tag does not look for its
    /// element past these (a `</div>` in a table cell leaves the cell open).
    pub fn is_scope_boundary(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Applet | Caption | Html | Table | Td | Th | Marquee | Object | Template
        )
    }

    /// Boundaries of table scope, for table parts' end tags.
    pub fn is_table_boundary(self) -> bool {
        matches!(self, Tag::Html | Tag::Table | Tag::Template)
    }

    /// Start tags that close an open `<p>` ("in button scope") first.
    pub fn closes_p(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Address
                | Article
                | Aside
                | Blockquote
                | Center
                | Details
                | Dialog
                | Dir
                | Div
                | Dl
                | Fieldset
                | Figcaption
                | Figure
                | Footer
                | Form
                | Header
                | Hgroup
                | Hr
                | Main
                | Menu
                | Nav
                | Ol
                | P
                | Pre
                | Listing
                | Search
                | Section
                | Summary
                | Ul
                | Plaintext
                | Xmp
                | Dd
                | Dt
                | Li
                | H1
                | H2
                | H3
                | H4
                | H5
                | H6
        )
    }

    pub fn is_heading(self) -> bool {
        matches!(
            self,
            Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6
        )
    }

    /// Elements that go in `<head>` when they come before the body.
    pub fn is_head_content(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Base | Basefont
                | Bgsound
                | Link
                | Meta
                | Noframes
                | Noscript
                | Script
                | Style
                | Template
                | Title
        )
    }

    /// Table parts: the rows and cells whose start tags imply others.
    pub fn is_table_part(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Caption | Colgroup | Col | Tbody | Thead | Tfoot | Tr | Td | Th
        )
    }

    pub fn is_section(self) -> bool {
        matches!(self, Tag::Tbody | Tag::Thead | Tag::Tfoot)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_fit() {
        for name in ["a", "blockquote", "figcaption", "td", "xmp", "svg"] {
            assert_ne!(Tag::of(name.as_bytes()), Tag::Other, "{name}");
            assert!(name.len() <= LONGEST);
        }
        assert_eq!(Tag::of(b"custom-element"), Tag::Other);
        assert_eq!(Tag::of(b"DIV"), Tag::Other, "the lookup takes lowercase");
    }
}
