from django.apps import AppConfig


class Config(AppConfig):
    name = "desist.plans"
    label = "plans"

    def ready(self):
        from desist.plans import deadlines  # noqa: F401 (registers sources)
