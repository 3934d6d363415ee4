from django.apps import AppConfig


class Config(AppConfig):
    name = "desist.supervision"
    label = "supervision"
