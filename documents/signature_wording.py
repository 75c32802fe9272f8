"""How the signatures found on a signed copy read for people: the admin's table, the portal's line.

Written from the stored facts (``StrategyVersion.signatures``, see ``documents.signatures``) when
shown, so that each reader gets them in the interface's language. Kept apart from the checking so
that the pages that show them need not load pyHanko.
"""

from datetime import datetime

from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _

from shared.formatting import long_date, number

#: The ``coverage`` values of a stored signature.
ENTIRE_FILE = "entire_file"
ENTIRE_REVISION = "entire_revision"
PARTIAL = "partial"

#: Signed copies over this size are refused before being read (``documents.signatures``).
MAX_SIGNED_COPY_SIZE = 50 * 1024 * 1024


def problem_sentence(code, size=None):
    """Why a signed copy could not be checked at all (``code`` of the ``ValidationError``)."""
    if code == "too_large":
        limit = number(MAX_SIGNED_COPY_SIZE // 1024 // 1024)
        if size is None:
            return _(
                "La copie signée dépasse la limite de %(limit)s Mo : ses signatures ne sont pas vérifiées."
            ) % {"limit": limit}
        return _("La copie signée pèse %(size)s Mo ; la limite est de %(limit)s Mo.") % {
            "size": number(size / 1024 / 1024, 1),
            "limit": limit,
        }
    if code == "not_pdf":
        return _(
            "La copie signée n’est pas un fichier PDF : elle ne peut pas porter de signature électronique."
        )
    if code == "encrypted":
        return _(
            "La copie signée est un PDF protégé par un mot de passe : "
            "ses signatures ne peuvent pas être vérifiées."
        )
    return _(
        "La copie signée est un PDF endommagé ou illisible : ses signatures ne peuvent pas être vérifiées."
    )


def signer_name(entry):
    """« Marie Curie (Mairie d’Ivry-sur-Seine) », from the certificate's CN and O."""
    name, organisation = entry.get("signer", ""), entry.get("organisation", "")
    if name and organisation and organisation != name:
        return f"{name} ({organisation})"
    return name or organisation or _("signataire inconnu")


def date_and_time(moment):
    """« 1er juillet 2024 à 10:30 », in the portal's time zone."""
    moment = timezone.localtime(moment)
    return _("%(date)s à %(time)s") % {"date": long_date(moment), "time": time_format(moment, "H:i")}


def signing_time(entry):
    """When the signature says it was made; "" when it gives no time."""
    return date_and_time(datetime.fromisoformat(entry["signed_at"])) if entry.get("signed_at") else ""


def checked_at(version):
    """When the signed copy was checked, "" if not yet."""
    return date_and_time(version.signatures_checked_at) if version.signatures_checked_at else ""


def signing_time_source(entry):
    if entry.get("signed_at_source") == "timestamp":
        return _("horodatage de la signature")
    if entry.get("signed_at_source") == "signer":
        return _("heure déclarée par le logiciel du signataire")
    return ""


def integrity(entry):
    """Whether the signed bytes are unchanged and the signature itself is valid."""
    if entry.get("trust_problem") == "unreadable":
        return _("signature illisible, impossible à vérifier")
    if not entry.get("intact"):
        return _("signature altérée : le document a été modifié après la signature")
    if not entry.get("valid"):
        return _("signature invalide")
    return _("signature intacte")


def coverage(entry):
    """Whether the signature covers the whole file, or what was added after it."""
    if entry.get("coverage") == ENTIRE_FILE:
        return _("couvre tout le document")
    if entry.get("coverage") == ENTIRE_REVISION:
        added = {
            "lta_updates": _("des données de validation ont été ajoutées après la signature"),
            "form_filling": _(
                "des champs de formulaire ou d’autres signatures ont été ajoutés après la signature"
            ),
            "annotations": _("des annotations ont été ajoutées après la signature"),
        }.get(entry.get("modification_level"), _("des modifications ont été ajoutées après la signature"))
        return _("ne couvre pas tout le document : %(added)s") % {"added": added}
    return _("ne couvre qu’une partie du fichier")


def certificate(entry):
    """Whether the signer's certificate chains up to a configured trust root; never guessed."""
    if entry.get("trusted"):
        return _("certificat vérifié auprès d’une autorité de confiance (%(anchor)s)") % {
            "anchor": entry.get("trust_anchor") or "?"
        }
    problem = entry.get("trust_problem")
    if problem in ("revoked", "revoked_no_poe", "revoked_ca_no_poe"):
        return _("certificat révoqué")
    if problem in ("expired", "out_of_bounds_no_poe", "out_of_bounds_not_revoked"):
        return _("certificat expiré")
    if problem == "not_yet_valid":
        return _("certificat pas encore valide")
    return _("certificat non vérifié auprès d’une autorité de confiance")


def signature_sentence(entry):
    """One line for one stored entry: who signed, when, intact or not, coverage, certificate."""
    if "error" in entry:
        return problem_sentence(entry["error"])
    if entry.get("trust_problem") == "unreadable":
        return _(
            "Copie signée électroniquement, mais sa signature est illisible : elle ne peut pas être vérifiée"
        )
    when = signing_time(entry)
    if when:
        head = _("Copie signée électroniquement par %(signer)s le %(when)s") % {
            "signer": signer_name(entry),
            "when": when,
        }
    else:
        head = _("Copie signée électroniquement par %(signer)s") % {"signer": signer_name(entry)}
    return ", ".join([head, integrity(entry), coverage(entry), certificate(entry)])


def status_lines(version):
    """The lines the portal shows under a version about its signed copy (none without a copy)."""
    if not version.signed_copy:
        return []
    if version.signatures_checked_at is None:
        return [_("Copie signée : vérification de la signature électronique en cours")]
    entries = version.signatures or []
    if not entries or entries[0].get("error") == "not_pdf":
        return [_("Copie signée numérisée (sans signature électronique)")]
    return [signature_sentence(entry) for entry in entries]


def admin_lines(version):
    """What the admin says above its table: no copy yet, under way, a scan, or why it was not checked."""
    if not version.signed_copy:
        return [_("Pas encore de copie signée.")]
    if version.signatures_checked_at is None or not version.signatures:
        return status_lines(version)
    return [problem_sentence(entry["error"]) for entry in version.signatures if "error" in entry]


def admin_rows(entries):
    """The admin's table: one row per signature, its cells in the order of :data:`ADMIN_COLUMNS`."""
    rows = []
    for entry in entries:
        if "error" in entry:
            continue
        when = signing_time(entry)
        source = signing_time_source(entry)
        rows.append(
            {
                "signer": signer_name(entry) if entry.get("trust_problem") != "unreadable" else "—",
                "when": f"{when} ({source})" if when and source else when or "—",
                "intact": integrity(entry),
                "ok": bool(entry.get("intact") and entry.get("valid")),
                "covers": coverage(entry),
                "covers_whole": bool(entry.get("covers_whole_document")),
                "certificate": certificate(entry),
                "trusted": bool(entry.get("trusted")),
            }
        )
    return rows
