from django.apps import AppConfig


class Config(AppConfig):
    name = "desist.prerelease"
    label = "prerelease"

    def ready(self):
        from desist.prerelease import deadlines  # noqa: F401 (registers the source)
