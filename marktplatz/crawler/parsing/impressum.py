"""The § 5 DDG fields of an Impressum (legal notice): provider name and legal form, representatives, address,
contact, register court and number, VAT id, tax number, chamber, profession, supervisory authority.

Works on the lines of an Impressum page, or of an Impressum section inside a one-page site. Values are read from
"Label: value" lines or from the line after a label/heading ("Vertreten durch" / "Geschäftsführer: ..."). Third-party
blocks (chamber address, insurer, web designer) are left to the caller's third-party test.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from marktplatz.crawler.pages.record import Address, ImpressumRecord
from marktplatz.crawler.parsing import vocab
from marktplatz.crawler.parsing.dom import Line

_PROVIDER_INTRO = re.compile(r"angaben\s+gem(ä|ae)(ß|ss)|§\s?5\s?(tmg|ddg)|anbieter|herausgeber|diensteanbieter|"
                             r"betreiber|inhaltlich verantwortlich|verantwortlich für den inhalt|impressum",
                             re.IGNORECASE)
_REGISTER_NUMBER = re.compile(r"\b(HR\s?[AB]|VR|PR|GnR|GsR)\s?[:.]?\s?(\d{1,7}(?:\s\d{3}(?!\d))?(?:\s?[A-Z]{1,2})?)\b")
_VAT = re.compile(r"\bDE\s?(\d{3})\s?(\d{3})\s?(\d{3})\b")
_TAX = re.compile(r"\b\d{2,3}\s?/\s?\d{3,4}\s?/\s?\d{4,5}\b")
_COURT = re.compile(r"\b(Amtsgericht|AG|Registergericht)\s*:?\s*(?:Amtsgericht\s)?([A-ZÄÖÜ][\wäöüß\-./ ]{2,40})")
_LEGAL_FORM = re.compile(r"(?<![\wäöü])(" + "|".join(re.escape(f) for f in sorted(vocab.LEGAL_FORMS, key=len,
                                                                                      reverse=True)) + r")(?![\wäöü])")
_CHAMBER = re.compile(r"([A-ZÄÖÜ][\wäöüß\-]*(?:kammer|innung)(?:\s[A-ZÄÖÜ][\wäöüß\-/]*){0,3}|"
                      r"IHK(?:\s[A-ZÄÖÜ][\wäöüß\-]*){0,3})")
_LABEL_VALUE = re.compile(r"^\s*([^:]{2,60}?)\s*:\s*(.*)$")
_NOT_NAME = re.compile(r"angaben|gemäß|§|impressum|kontakt|telefon|fax|e-mail|email|anschrift|adresse|vertreten|"
                       r"verantwortlich|anbieter|herausgeber|betreiber|www\.|http|@|\d{5}", re.IGNORECASE)


def _value_after(lines: Sequence[Line], idx: int, labels: Sequence[str], strict: bool = False) -> str | None:
    """The value of a label on line `idx`: after its colon, or the next line when the label stands alone.

    `strict`: only "Label: value" or a label standing alone count ("Berufsbezeichnung und berufsrechtliche
    Regelungen" is a heading, not a value).
    """
    text = lines[idx].text
    low = text.lower()
    for label in labels:
        pos = low.find(label)
        if pos < 0:
            continue
        rest = text[pos + len(label):]
        if strict and rest.strip() and not rest.lstrip().startswith(":"):
            continue
        rest = re.sub(r"^[^:]{0,40}?:", "", rest, count=1) if ":" in rest[:45] else rest
        rest = rest.strip(" :-–")
        if rest:
            return rest
        if idx + 1 < len(lines):
            nxt = lines[idx + 1].text.strip()
            if nxt and len(nxt) <= 200:
                return nxt
    return None


def _names(value: str) -> tuple[str, ...]:
    parts = re.split(r",|;|\bund\b|&|/", value)
    out = []
    for p in parts:
        p = re.sub(r"^(?:herr|frau|dr\.|prof\.|dipl\.[\w-]*)\s+", "", p.strip(), flags=re.IGNORECASE).strip(" .")
        if 2 < len(p) <= 60 and not any(ch.isdigit() for ch in p):
            out.append(p.strip())
    return tuple(out)


def provider_name(lines: Sequence[Line]) -> str | None:
    """The provider named after the introduction ("Angaben gemäß § 5 TMG", "Herausgeber:"), owner clause cut."""
    name = _provider_line(lines)
    if name:
        name = _OWNER_CLAUSE.sub("", name).strip(" ,;–-")
    return name or None


# (with or without a comma before it: "Haarmonie Inh. Sabine Kraus e.K.")
_OWNER_CLAUSE = re.compile(r"(?:\s*[,;–-]\s*|\s+)(?:inhaber(?:in)?\b|inh\.|vertreten durch\b|geschäftsführer(?:in)?\b)"
                           r".*$", re.IGNORECASE)


def _links_only(line: Line) -> bool:
    """A bar of links ("Impressum · Datenschutz"): no introduction to the provider."""
    return bool(line.links) and sum(len(t) for _, t in line.links) >= 0.7 * len(line.text.replace(" ", ""))


def _provider_line(lines: Sequence[Line]) -> str | None:
    main = [ln for ln in lines if ln.region not in ("nav", "header")]
    # (a footer's link bar, "Impressum | Datenschutz | Sitemap", introduces nothing)
    strong = [i for i, ln in enumerate(main[:80]) if _PROVIDER_INTRO.search(ln.text) and
              not re.fullmatch(r"\s*impressum\s*:?\s*", ln.text, re.IGNORECASE) and ln.region != "footer"
              and ln.text.count(" | ") < 2 and not _links_only(ln)]
    # (nor does the "Impressum" link of a footer's link bar: the designer's credit may follow it)
    weak = [i for i, ln in enumerate(main[:80]) if re.fullmatch(r"\s*impressum\s*:?\s*", ln.text, re.IGNORECASE)
            and not (ln.region == "footer" and ln.links)]
    for i in strong + weak:
        line = main[i]
        if len(line.text) > 120:
            continue
        # "Verantwortlich für den Inhalt der Seite ist Ioannis Loules." names the provider in the sentence.
        m = re.search(r"\b(?:ist|sind)\s+([A-ZÄÖÜ][\wäöüß.\- ]{2,60}?)\.?$", line.text)
        if m:
            return m.group(1).strip()
        m = _LABEL_VALUE.match(line.text)
        if m and m.group(2) and not _NOT_NAME.search(m.group(2)):
            return m.group(2).strip()
        for nxt in main[i + 1:i + 5]:
            t = re.sub(r"^(?:firma|name)\s*:?\s*", "", nxt.text.strip(), flags=re.IGNORECASE)
            if not t:
                continue
            if _NOT_NAME.search(t) or len(t) > 90:
                if t.lower().startswith(("name", "firma")):
                    continue
                if _NOT_NAME.search(t):
                    continue
                break
            if re.search(r"[A-Za-zÄÖÜäöüß]{2}", t):
                return t
    return None


def parse_impressum(url: str, lines: Sequence[Line], address: Address | None, emails: Sequence[str],
                    phones: Sequence[str], third_party: frozenset[int] = frozenset()) -> ImpressumRecord:
    """Read the § 5 DDG fields from an Impressum's lines (address/e-mails/phones are found by the caller).

    Lines in `third_party` (chamber, insurer, designer blocks) only feed the chamber and supervisory fields.
    """
    own = [ln for ln in lines if ln.index not in third_party]
    name = provider_name(own)
    legal_form = None
    representatives: tuple[str, ...] = ()
    register_court = register_number = vat_id = tax_number = chamber = profession = supervisory = None
    for i, line in enumerate(lines):
        text = line.text
        low = text.lower()
        # Court and chamber lines are "third party" for contact data, but they are the register/chamber fields here;
        # the provider's own name, legal form and representatives never come from such lines.
        third = line.index in third_party
        if legal_form is None and not third:
            m = _LEGAL_FORM.search(text)
            if m and len(text) <= 120:
                legal_form = m.group(1)
        names_rep = any(lbl in low for lbl in vocab.REPRESENTATIVE_LABELS)
        if not representatives and not third and names_rep and len(text) <= 160:
            val = _value_after(lines, i, vocab.REPRESENTATIVE_LABELS)
            said = re.search(r"\b(?:ist|sind)\s+(.+?)\.?$", val or "")
            if said:
                val = said.group(1)
            if val and not _NOT_NAME.search(val.split(":")[-1]):
                representatives = _names(val.split(":")[-1])
            elif val and ":" in val:
                representatives = _names(val.split(":", 1)[1])
        if register_number is None:
            m = _REGISTER_NUMBER.search(text)
            if m:
                number = re.sub(r"(?<=\d)\s(?=\d)", "", m.group(2))
                register_number = f"{m.group(1).replace(' ', '')} {number}"
        if register_court is None and any(lbl in low for lbl in vocab.REGISTER_COURT_LABELS):
            m = _COURT.search(text)
            if m:
                court = m.group(2).split(",")[0].strip()
                court = re.split(r"\s(?:HR[AB]|VR|PR|unter|Register)", court)[0].strip(" .")
                register_court = f"Amtsgericht {court}" if not court.lower().startswith("amtsgericht") else court
        if vat_id is None and (any(lbl in low for lbl in vocab.VAT_LABELS) or _VAT.search(text)):
            m = _VAT.search(text) or (i + 1 < len(lines) and _VAT.search(lines[i + 1].text)) or None
            if m:
                vat_id = "DE" + "".join(m.groups())
        if tax_number is None and any(lbl in low for lbl in (*vocab.TAX_LABELS, "umsatzsteuer-nr")):
            m = _TAX.search(text) or (i + 1 < len(lines) and _TAX.search(lines[i + 1].text)) or None
            if m:
                tax_number = re.sub(r"\s", "", m.group(0))
        if chamber is None and re.search(r"kammer\b|kammer\s|innung|ihk\b", low) and len(text) <= 160:
            m = _CHAMBER.search(text)
            if m:
                chamber = m.group(1).strip()
        if profession is None and any(lbl in low for lbl in vocab.PROFESSION_LABELS) and len(text) <= 160:
            val = _value_after(lines, i, ("gesetzliche berufsbezeichnung", "berufsbezeichnungen", "berufsbezeichnung"),
                               strict=True)
            if val and len(val) <= 100 and "verliehen" not in val.lower():
                profession = val.strip(" .")
        if supervisory is None and "aufsicht" in low and len(text) <= 160:
            val = _value_after(lines, i, vocab.SUPERVISORY_LABELS)
            if val and len(val) <= 120:
                supervisory = val.strip(" .")
    if legal_form is None and name:
        m = _LEGAL_FORM.search(name)
        legal_form = m.group(1) if m else None
    return ImpressumRecord(url=url, name=name, legal_form=legal_form, representatives=representatives,
                           address=address, emails=tuple(emails), phones=tuple(phones),
                           register_court=register_court, register_number=register_number, vat_id=vat_id,
                           tax_number=tax_number, chamber=chamber, profession=profession,
                           supervisory_authority=supervisory)
