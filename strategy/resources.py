"""Import/export resources of the actions and funding tables (stub: the import issue fills it)."""

from import_export import resources

from strategy.models import Action, BudgetLine


class ActionResource(resources.ModelResource):
    class Meta:
        model = Action


class BudgetLineResource(resources.ModelResource):
    class Meta:
        model = BudgetLine
