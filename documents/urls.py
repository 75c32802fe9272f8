from django.urls import path

from documents import diff_views, programmation_views, review_views, views

app_name = "documents"

urlpatterns = [
    path("strategies/<slug:slug>/document.pdf", views.strategy_document_pdf, name="document_pdf"),
    path("strategies/<slug:slug>/rapport-<int:year>.pdf", views.report_pdf, name="report_pdf"),
    path("strategies/<slug:slug>/revue-de-projet-<int:year>.pdf", review_views.review_pdf, name="review_pdf"),
    path(
        "strategies/<slug:slug>/revue-de-projet-<int:year>.xlsx", review_views.review_xlsx, name="review_xlsx"
    ),
    path(
        "strategies/<slug:slug>/programmation-<int:year>.xlsx",
        programmation_views.programmation_xlsx_view,
        name="programmation_xlsx",
    ),
    path(
        "strategies/<slug:slug>/programmation-<int:year>.pdf",
        programmation_views.programmation_pdf_view,
        name="programmation_pdf",
    ),
    path("strategies/<slug:slug>/actions/<slug:action_slug>.pdf", views.action_pdf, name="action_pdf"),
    path("strategies/<slug:slug>/versions/<int:number>.pdf", views.version_pdf, name="version_pdf"),
    path(
        "strategies/<slug:slug>/versions/<int:old>-<int:new>/", diff_views.version_diff, name="version_diff"
    ),
    path(
        "strategies/<slug:slug>/versions/<int:old>-<int:new>/annexe.pdf",
        views.amendment_pdf,
        name="amendment_pdf",
    ),
]
