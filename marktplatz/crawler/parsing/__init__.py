"""Parsing helpers shared by the page objects: phones, e-mails, addresses, opening hours, structured data."""


def clear_caches() -> None:
    """Drop the per-text memo caches (benchmarks clear them between rounds so that repeats are not free)."""
    from marktplatz.crawler.parsing import emails, hours, offer_layouts, phones

    for fn in (phones.numbers_in_text, phones.to_e164, hours.tokenize, emails.find_in_text,
               offer_layouts.other_section):
        fn.cache_clear()
