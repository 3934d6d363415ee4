"""Choices for the person on probation, in the words the national case system uses."""

from django.db import models


class Gender(models.TextChoices):
    MALE = "M", "Male"
    FEMALE = "F", "Female"
    OTHER = "O", "Other"
    NOT_STATED = "N", "Not stated"


class AddressStatus(models.TextChoices):
    MAIN = "MAIN", "Main address"
    SECONDARY = "SECONDARY", "Secondary address"
    PREVIOUS = "PREVIOUS", "Previous address"


class AddressType(models.TextChoices):
    HOME = "HOME", "Home (owned or rented)"
    FAMILY = "FAMILY", "Living with family or friends"
    APPROVED_PREMISES = "AP", "Approved premises"
    TEMPORARY = "TEMP", "Temporary accommodation"
    NO_FIXED_ABODE = "NFA", "No fixed abode"
    PRISON = "PRISON", "Prison"


class ContactRelationship(models.TextChoices):
    NEXT_OF_KIN = "NOK", "Next of kin"
    PARTNER = "PARTNER", "Partner"
    PARENT = "PARENT", "Parent or carer"
    GP = "GP", "GP"
    SOLICITOR = "SOLICITOR", "Solicitor"
    EMPLOYER = "EMPLOYER", "Employer"
    OTHER = "OTHER", "Other"


class DisabilityType(models.TextChoices):
    LEARNING = "LD", "Learning disability or difficulty"
    MENTAL_HEALTH = "MH", "Mental health condition"
    MOBILITY = "MOB", "Mobility impairment"
    HEARING = "HEAR", "Hearing impairment"
    VISUAL = "VIS", "Visual impairment"
    NEURODIVERGENT = "ND", "Autism or other neurodivergence"
    LONG_TERM_CONDITION = "LTC", "Long-term health condition"
    OTHER = "OTHER", "Other"


class Ethnicity(models.TextChoices):
    WHITE = "W", "White"
    MIXED = "M", "Mixed or multiple ethnic groups"
    ASIAN = "A", "Asian or Asian British"
    BLACK = "B", "Black, Black British, Caribbean or African"
    OTHER = "O", "Other ethnic group"
    NOT_STATED = "NS", "Prefer not to say"
