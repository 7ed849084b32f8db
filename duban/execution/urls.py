from duban.execution import urls_plans, urls_reports

app_name = "execution"
# Implementation plans, milestones, extensions, comments, workspace and queue | progress reports.
urlpatterns = urls_plans.urlpatterns + urls_reports.urlpatterns
