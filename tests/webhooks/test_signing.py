"""The signature scheme receivers rely on (docs/webhooks.md)."""

from __future__ import annotations

import pytest

from webhooks.signing import SignatureError, compute_signature, signature_header, verify_signature

SECRET = "whsec_test"
BODY = '{"id":"e1","type":"item.decided"}'
T = 1_700_000_000
# Computed independently with OpenSSL:
#   printf '%s' '1700000000.{"id":"e1","type":"item.decided"}' \
#     | openssl dgst -sha256 -hmac 'whsec_test'
OPENSSL_HEX = "29586e19be1f8932a5e93c62a8a6f7541b2e1f1fed74c04a3a8e206c38a8d03e"


def test_signature_matches_openssl_hmac_sha256_of_timestamp_dot_body() -> None:
    assert compute_signature(secret=SECRET, timestamp=T, body=BODY) == OPENSSL_HEX
    assert signature_header(secrets=[SECRET], body=BODY, timestamp=T) == f"t={T},v1={OPENSSL_HEX}"


def test_good_signature_verifies_and_returns_its_timestamp() -> None:
    header = signature_header(secrets=[SECRET], body=BODY, timestamp=T)
    assert verify_signature(secret=SECRET, header=header, body=BODY.encode(), now=T + 5) == T


@pytest.mark.parametrize(
    "body",
    [BODY.replace("e1", "e2"), BODY + " ", BODY.replace("item.decided", "item.decidee")],
)
def test_tampered_body_is_refused(body: str) -> None:
    header = signature_header(secrets=[SECRET], body=BODY, timestamp=T)
    with pytest.raises(SignatureError, match="does not match"):
        verify_signature(secret=SECRET, header=header, body=body, now=T)


def test_wrong_secret_is_refused() -> None:
    header = signature_header(secrets=["whsec_other"], body=BODY, timestamp=T)
    with pytest.raises(SignatureError, match="does not match"):
        verify_signature(secret=SECRET, header=header, body=BODY, now=T)


def test_timestamp_cannot_be_swapped_for_a_fresh_one() -> None:
    """Replaying an old request with a new `t` breaks the signature: t is signed too."""
    old = signature_header(secrets=[SECRET], body=BODY, timestamp=T)
    replayed = old.replace(f"t={T}", f"t={T + 3600}")
    with pytest.raises(SignatureError, match="does not match"):
        verify_signature(secret=SECRET, header=replayed, body=BODY, now=T + 3600)


@pytest.mark.parametrize(("offset", "ok"), [(300, True), (301, False), (-300, True), (-301, False)])
def test_stale_or_future_timestamp_is_refused_beyond_the_tolerance(offset: int, ok: bool) -> None:
    header = signature_header(secrets=[SECRET], body=BODY, timestamp=T)
    if ok:
        assert verify_signature(secret=SECRET, header=header, body=BODY, now=T + offset) == T
    else:
        with pytest.raises(SignatureError, match="tolerance"):
            verify_signature(secret=SECRET, header=header, body=BODY, now=T + offset)


def test_during_rotation_either_secret_verifies() -> None:
    header = signature_header(secrets=["whsec_new", SECRET], body=BODY, timestamp=T)
    assert header.count("v1=") == 2
    for secret in ("whsec_new", SECRET):
        assert verify_signature(secret=secret, header=header, body=BODY, now=T) == T
    with pytest.raises(SignatureError):
        verify_signature(secret="whsec_third", header=header, body=BODY, now=T)


@pytest.mark.parametrize(
    "header",
    ["", "garbage", f"v1={OPENSSL_HEX}", f"t={T}", f"t=soon,v1={OPENSSL_HEX}",
     f"t={T},t={T},v1={OPENSSL_HEX}"],
)  # fmt: skip
def test_malformed_headers_are_refused(header: str) -> None:
    with pytest.raises(SignatureError):
        verify_signature(secret=SECRET, header=header, body=BODY, now=T)


def test_unknown_schemes_are_ignored_beside_v1() -> None:
    header = f"t={T},v0=abc,v1={OPENSSL_HEX}"
    assert verify_signature(secret=SECRET, header=header, body=BODY, now=T) == T
