from django.apps import AppConfig


class Config(AppConfig):
    name = "desist.workforce"
    label = "workforce"
