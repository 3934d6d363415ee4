from django.apps import AppConfig


class Config(AppConfig):
    name = "desist.interventions"
    label = "interventions"

    def ready(self):
        from desist.interventions import alerts, deadlines  # noqa: F401 (registers sources)
