"""A throwaway admin site with the import/export mixins, so these tests depend on no admin class."""

from django.contrib import admin
from django.urls import path

from indicators.import_admin import MeasurementImportExportMixin
from indicators.models import Measurement
from strategy.import_admin import ActionImportExportMixin, BudgetLineImportExportMixin
from strategy.models import Action, BudgetLine

site = admin.AdminSite(name="admin")


class ActionAdmin(ActionImportExportMixin, admin.ModelAdmin):
    pass


class BudgetLineAdmin(BudgetLineImportExportMixin, admin.ModelAdmin):
    pass


class MeasurementAdmin(MeasurementImportExportMixin, admin.ModelAdmin):
    pass


site.register(Action, ActionAdmin)
site.register(BudgetLine, BudgetLineAdmin)
site.register(Measurement, MeasurementAdmin)

urlpatterns = [path("admin/", site.urls)]
