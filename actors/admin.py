"""Admin of the organisations, their contacts, the neighbourhoods and the sectors."""

from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from actors.models import Contact, Neighbourhood, Organisation, Sector, Territory
from actors.shapes_admin import ShapesImportAdminMixin
from shared.admin import (
    FRENCH_NUMBER_FIELDS,
    CachedChoicesInlineMixin,
    HiddenRowsAre404Mixin,
    ParentScopedInlineMixin,
)
from shared.concurrency import ConcurrentEditAdminMixin


@admin.register(Sector)
class SectorAdmin(HiddenRowsAre404Mixin, admin.ModelAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


class ContactInline(ParentScopedInlineMixin, CachedChoicesInlineMixin, admin.TabularInline):
    model = Contact
    fields = ["first_name", "last_name", "job_title", "email", "phone", "public_consent", "user"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organisation", "user")


@admin.register(Organisation)
class OrganisationAdmin(HiddenRowsAre404Mixin, ConcurrentEditAdminMixin, admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "parent", "piloted_count"]
    list_filter = ["kind", "sectors"]
    list_select_related = ["parent"]
    search_fields = ["name", "short_name", "slug"]
    autocomplete_fields = ["parent", "sectors"]
    prepopulated_fields = {"slug": ["name"]}
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = [ContactInline]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "slug", "kind", "parent", "sectors", "description"]}),
        # Shown to families on the pages of the actions the structure pilots: never a person's.
        (
            _("Contact public de la structure"),
            {"fields": ["address", "public_email", "public_phone", "website"]},
        ),
    ]

    def get_queryset(self, request):
        queryset = super().get_queryset(request).annotate(piloted_count=Count("piloted_actions"))
        return queryset.order_by(*Organisation._meta.ordering)

    @admin.display(description=_("actions pilotées"), ordering="piloted_count")
    def piloted_count(self, obj):
        return obj.piloted_count


@admin.register(Contact)
class ContactAdmin(HiddenRowsAre404Mixin, admin.ModelAdmin):
    list_display = ["full_name", "organisation", "job_title", "email", "public_consent", "user"]
    list_filter = ["public_consent", "organisation__kind"]
    list_select_related = ["organisation", "user"]
    search_fields = ["first_name", "last_name", "email", "organisation__name"]
    autocomplete_fields = ["organisation"]

    @admin.display(description=_("nom"), ordering="last_name")
    def full_name(self, obj):
        return obj.full_name


@admin.register(Neighbourhood)
class NeighbourhoodAdmin(HiddenRowsAre404Mixin, admin.ModelAdmin):
    list_display = ["name", "territory", "qpv_code", "is_priority", "has_shape"]
    list_filter = ["is_priority", "territory"]
    list_select_related = ["territory"]
    search_fields = ["name", "qpv_code"]
    autocomplete_fields = ["territory"]
    prepopulated_fields = {"slug": ["name"]}

    @admin.display(description=_("contour"), boolean=True)
    def has_shape(self, obj):
        return obj.shape is not None


@admin.register(Territory)
class TerritoryAdmin(HiddenRowsAre404Mixin, ShapesImportAdminMixin, admin.ModelAdmin):
    formfield_overrides = FRENCH_NUMBER_FIELDS
    list_display = ["name", "insee_code", "department", "population"]
    search_fields = ["name", "insee_code", "department"]
    prepopulated_fields = {"slug": ["name"]}
