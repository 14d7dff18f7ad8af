"""Link health and site-quality audit, computed from crawl facts, the daily check and stored responses.

Health: `health` (one look at a home page → outcome, redirect kind, second strategy), `status` (the N-failures rule,
down-since, flapping), `homecheck` (the daily check's facts → an observation), `parked`, `tls` (certificate
verification), `dns`, `record` (the `link_checks` history and the listing's status), `check` (running
`marktplatz check`). Audit: `audit` (orchestration and score) with the checks in `markup`, `privacy`, `legal` and
`freshness` on the parsed pages of `pages`; the finding codes and German messages in `catalog`; word lists and
thresholds in `wordlists`; the end-of-life table in `versions`.
"""
