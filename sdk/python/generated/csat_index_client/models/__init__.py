# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
"""Contains all the data models used in inputs/outputs"""

from .answer_value import AnswerValue
from .benchmark_span import BenchmarkSpan
from .benchmarks import Benchmarks
from .bucket import Bucket
from .cell import Cell
from .chart_metric import ChartMetric
from .choice_option import ChoiceOption
from .closed_period import ClosedPeriod
from .comment import Comment
from .compliance_snapshot import ComplianceSnapshot
from .compliance_status import ComplianceStatus
from .consent import Consent
from .consent_method import ConsentMethod
from .contact import Contact
from .contact_page import ContactPage
from .country_cell import CountryCell
from .country_distribution import CountryDistribution
from .country_rank import CountryRank
from .create_contact import CreateContact
from .create_invitations import CreateInvitations
from .create_membership import CreateMembership
from .create_office import CreateOffice
from .create_partner import CreatePartner
from .create_question import CreateQuestion
from .create_survey import CreateSurvey
from .create_webhook import CreateWebhook
from .delivery import Delivery
from .distribution import Distribution
from .error_code import ErrorCode
from .event_envelope import EventEnvelope
from .event_page import EventPage
from .event_type import EventType
from .excluded import Excluded
from .field_error import FieldError
from .import_contacts import ImportContacts
from .import_responses import ImportResponses
from .import_result import ImportResult
from .import_row import ImportRow
from .import_status import ImportStatus
from .imported_response import ImportedResponse
from .imported_response_answers import ImportedResponseAnswers
from .imported_row import ImportedRow
from .imported_status import ImportedStatus
from .invitation import Invitation
from .invitation_batch import InvitationBatch
from .invitation_delivery_failed import InvitationDeliveryFailed
from .invitation_page import InvitationPage
from .invitation_status import InvitationStatus
from .invited_contact import InvitedContact
from .membership import Membership
from .membership_benchmark import MembershipBenchmark
from .membership_compliance import MembershipCompliance
from .membership_compliance_changed import MembershipComplianceChanged
from .membership_page import MembershipPage
from .membership_snapshots import MembershipSnapshots
from .membership_status import MembershipStatus
from .membership_status_page import MembershipStatusPage
from .metric import Metric
from .metric_benchmark import MetricBenchmark
from .metrics import Metrics
from .office import Office
from .office_compliance import OfficeCompliance
from .office_page import OfficePage
from .organization_share import OrganizationShare
from .partner import Partner
from .partner_page import PartnerPage
from .period_result import PeriodResult
from .period_status import PeriodStatus
from .personal_link import PersonalLink
from .problem import Problem
from .program_metrics import ProgramMetrics
from .program_period import ProgramPeriod
from .program_settings import ProgramSettings
from .publication import Publication
from .publications import Publications
from .question import Question
from .question_kind import QuestionKind
from .question_result import QuestionResult
from .questionnaire import Questionnaire
from .rank import Rank
from .redeliver_event import RedeliverEvent
from .redelivery import Redelivery
from .refusal_reason import RefusalReason
from .refused_contact import RefusedContact
from .reminders_queued import RemindersQueued
from .reporting_period import ReportingPeriod
from .reporting_period_closed import ReportingPeriodClosed
from .reporting_periods import ReportingPeriods
from .respondent import Respondent
from .respondent_option import RespondentOption
from .respondent_question import RespondentQuestion
from .respondent_survey import RespondentSurvey
from .response_completed import ResponseCompleted
from .response_import_result import ResponseImportResult
from .response_page import ResponsePage
from .response_source import ResponseSource
from .response_voided import ResponseVoided
from .restatement import Restatement
from .rule_summary import RuleSummary
from .scale_labels import ScaleLabels
from .scope_results import ScopeResults
from .score import Score
from .snapshot_office import SnapshotOffice
from .snapshot_page import SnapshotPage
from .standard_questions import StandardQuestions
from .submit_answers import SubmitAnswers
from .submit_answers_answers import SubmitAnswersAnswers
from .submitted import Submitted
from .survey import Survey
from .survey_page import SurveyPage
from .survey_response import SurveyResponse
from .survey_results import SurveyResults
from .survey_status import SurveyStatus
from .translations import Translations
from .update_contact import UpdateContact
from .update_membership import UpdateMembership
from .update_office import UpdateOffice
from .update_partner import UpdatePartner
from .update_question import UpdateQuestion
from .update_settings import UpdateSettings
from .update_standard_question import UpdateStandardQuestion
from .update_standard_question_option_labels import UpdateStandardQuestionOptionLabels
from .update_survey import UpdateSurvey
from .update_webhook import UpdateWebhook
from .void_record import VoidRecord
from .void_response import VoidResponse
from .webhook import Webhook
from .webhook_attempt import WebhookAttempt
from .webhook_attempt_page import WebhookAttemptPage
from .webhook_page import WebhookPage
from .webhook_status import WebhookStatus
from .webhook_with_secret import WebhookWithSecret

__all__ = (
    "AnswerValue",
    "Benchmarks",
    "BenchmarkSpan",
    "Bucket",
    "Cell",
    "ChartMetric",
    "ChoiceOption",
    "ClosedPeriod",
    "Comment",
    "ComplianceSnapshot",
    "ComplianceStatus",
    "Consent",
    "ConsentMethod",
    "Contact",
    "ContactPage",
    "CountryCell",
    "CountryDistribution",
    "CountryRank",
    "CreateContact",
    "CreateInvitations",
    "CreateMembership",
    "CreateOffice",
    "CreatePartner",
    "CreateQuestion",
    "CreateSurvey",
    "CreateWebhook",
    "Delivery",
    "Distribution",
    "ErrorCode",
    "EventEnvelope",
    "EventPage",
    "EventType",
    "Excluded",
    "FieldError",
    "ImportContacts",
    "ImportedResponse",
    "ImportedResponseAnswers",
    "ImportedRow",
    "ImportedStatus",
    "ImportResponses",
    "ImportResult",
    "ImportRow",
    "ImportStatus",
    "Invitation",
    "InvitationBatch",
    "InvitationDeliveryFailed",
    "InvitationPage",
    "InvitationStatus",
    "InvitedContact",
    "Membership",
    "MembershipBenchmark",
    "MembershipCompliance",
    "MembershipComplianceChanged",
    "MembershipPage",
    "MembershipSnapshots",
    "MembershipStatus",
    "MembershipStatusPage",
    "Metric",
    "MetricBenchmark",
    "Metrics",
    "Office",
    "OfficeCompliance",
    "OfficePage",
    "OrganizationShare",
    "Partner",
    "PartnerPage",
    "PeriodResult",
    "PeriodStatus",
    "PersonalLink",
    "Problem",
    "ProgramMetrics",
    "ProgramPeriod",
    "ProgramSettings",
    "Publication",
    "Publications",
    "Question",
    "QuestionKind",
    "Questionnaire",
    "QuestionResult",
    "Rank",
    "RedeliverEvent",
    "Redelivery",
    "RefusalReason",
    "RefusedContact",
    "RemindersQueued",
    "ReportingPeriod",
    "ReportingPeriodClosed",
    "ReportingPeriods",
    "Respondent",
    "RespondentOption",
    "RespondentQuestion",
    "RespondentSurvey",
    "ResponseCompleted",
    "ResponseImportResult",
    "ResponsePage",
    "ResponseSource",
    "ResponseVoided",
    "Restatement",
    "RuleSummary",
    "ScaleLabels",
    "ScopeResults",
    "Score",
    "SnapshotOffice",
    "SnapshotPage",
    "StandardQuestions",
    "SubmitAnswers",
    "SubmitAnswersAnswers",
    "Submitted",
    "Survey",
    "SurveyPage",
    "SurveyResponse",
    "SurveyResults",
    "SurveyStatus",
    "Translations",
    "UpdateContact",
    "UpdateMembership",
    "UpdateOffice",
    "UpdatePartner",
    "UpdateQuestion",
    "UpdateSettings",
    "UpdateStandardQuestion",
    "UpdateStandardQuestionOptionLabels",
    "UpdateSurvey",
    "UpdateWebhook",
    "VoidRecord",
    "VoidResponse",
    "Webhook",
    "WebhookAttempt",
    "WebhookAttemptPage",
    "WebhookPage",
    "WebhookStatus",
    "WebhookWithSecret",
)
