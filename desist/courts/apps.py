from django.apps import AppConfig


class Config(AppConfig):
    name = "desist.courts"
    label = "courts"
