from django.apps import AppConfig


class Config(AppConfig):
    name = "desist.documents"
    label = "documents"
