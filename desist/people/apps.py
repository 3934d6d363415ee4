from django.apps import AppConfig


class Config(AppConfig):
    name = "desist.people"
    label = "people"

    def ready(self):
        from desist.people import alerts  # noqa: F401 (registers sources)
