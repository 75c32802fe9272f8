"""What each user wants to receive, and every mail Citédu decided to send (its outbox)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MailPreference(models.Model):
    """A user's choices: the language of their mail, a daily digest or not, the kinds turned off.

    A user without a row receives every kind, one mail at a time, in French.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte"),
        on_delete=models.CASCADE,
        related_name="mail_preference",
    )
    language = models.CharField(
        _("langue des courriels"), max_length=10, choices=settings.LANGUAGES, default="fr"
    )
    digest = models.BooleanField(
        _("un seul courriel par jour"),
        default=False,
        help_text=_("Recevoir un résumé quotidien plutôt qu'un courriel à chaque fois."),
    )
    disabled_kinds = models.JSONField(_("courriels désactivés"), default=list, blank=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    class Meta:
        ordering = ["user"]
        verbose_name = _("préférences de courriel")
        verbose_name_plural = _("préférences de courriel")

    def __str__(self):
        return str(self.user)

    def wants(self, kind_code):
        return kind_code not in self.disabled_kinds


class NotificationQuerySet(models.QuerySet):
    def unsent(self):
        return self.filter(sent_at__isnull=True)

    def for_digest(self):
        return self.unsent().filter(in_digest=True)


class Notification(models.Model):
    """One mail to one user about one event, kept once sent (what was sent to whom, and when).

    ``params`` holds the plain values the templates need (titles, codes, dates as ISO strings,
    counts); the mail is rendered when sent, in the recipient's language. ``link`` is the path the
    mail points to, made absolute with ``CITEDU_SITE_URL``.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("destinataire"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("nature"), max_length=40)
    params = models.JSONField(_("contenu"), default=dict)
    link = models.CharField(_("lien"), max_length=500)
    in_digest = models.BooleanField(_("dans le résumé quotidien"), default=False)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)
    sent_to = models.EmailField(_("envoyé à"), blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("courriel")
        verbose_name_plural = _("courriels")
        indexes = [models.Index(fields=["in_digest", "sent_at"], name="notification_digest_queue")]

    def __str__(self):
        return f"{self.kind} → {self.user}"
