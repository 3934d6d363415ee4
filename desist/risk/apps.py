from django.apps import AppConfig


class Config(AppConfig):
    name = "desist.risk"
    label = "risk"
