//! Texts the service itself shows respondents (emails and the survey page), per locale.

/// The locales with a full set of texts here.
pub const LOCALES: &[&str] = &["en", "bg", "ru"];

/// The respondent-facing texts of one locale.
#[derive(Debug, Clone, Copy)]
pub struct Texts {
    /// Email subject of an invitation; `{title}` is replaced.
    pub invitation_subject: &'static str,
    /// Email subject of a reminder; `{title}` is replaced.
    pub reminder_subject: &'static str,
    /// Email body; `{name}`, `{title}`, `{link}` and `{expires}` are replaced.
    pub invitation_body: &'static str,
    /// Under the survey title.
    pub intro: &'static str,
    /// Marks a required question.
    pub required: &'static str,
    /// Label of the anonymity checkbox.
    pub anonymous_label: &'static str,
    /// What anonymity means, in plain words.
    pub anonymous_help: &'static str,
    /// The submit button.
    pub submit: &'static str,
    /// Shown above the form when answers are invalid.
    pub fix_errors: &'static str,
    /// Title of the thank-you page.
    pub thanks_title: &'static str,
    /// Body of the thank-you page.
    pub thanks_body: &'static str,
    /// Title of the page for an answered link.
    pub answered_title: &'static str,
    /// Body of the page for an answered link.
    pub answered_body: &'static str,
    /// Title of the page for an expired or closed link.
    pub expired_title: &'static str,
    /// Body of the page for an expired or closed link.
    pub expired_body: &'static str,
    /// Title of the page for an unknown link.
    pub unknown_title: &'static str,
    /// Body of the page for an unknown link.
    pub unknown_body: &'static str,
    /// Title of the page shown when a client sends too many requests.
    pub slow_down: &'static str,
    /// Legend of the anonymity choice.
    pub anonymous_legend: &'static str,
    /// Under a required question left unanswered.
    pub answer_required: &'static str,
    /// Under an answer that is not valid.
    pub answer_invalid: &'static str,
    /// Under a text answer holding characters that cannot be stored (control characters).
    pub answer_unstorable: &'static str,
    /// Label of the language switcher.
    pub language: &'static str,
}

const EN: Texts = Texts {
    invitation_subject: "Your feedback: {title}",
    reminder_subject: "Reminder — your feedback: {title}",
    invitation_body: "Hello {name},\n\nwe would value your opinion of the service you received. The survey \"{title}\" takes about 10 minutes, and you may answer anonymously.\n\n{link}\n\nThe link is personal and works until {expires}.\n\nThank you!\n",
    intro: "This survey takes about 10 minutes. Questions marked * need an answer.",
    required: "required",
    anonymous_label: "Stay anonymous",
    anonymous_help: "If you tick this box, the partner sees your answers but not your name, email or company. Your answers still count for the partner.",
    submit: "Send my answers",
    fix_errors: "Please check the answers marked below.",
    thanks_title: "Thank you!",
    thanks_body: "Your answers have been saved. You can close this page.",
    answered_title: "Already answered",
    answered_body: "This survey link has already been used to send answers. Thank you for taking part.",
    expired_title: "This link has expired",
    expired_body: "The survey behind this link is no longer open for answers.",
    unknown_title: "Link not found",
    unknown_body: "This survey link is not valid. Please check that you copied the whole link.",
    slow_down: "Too many requests — please wait a minute and try again.",
    anonymous_legend: "Your identity",
    answer_required: "Please answer this question.",
    answer_invalid: "Please choose one of the offered answers.",
    answer_unstorable: "This answer holds characters that cannot be saved; please type it again.",
    language: "Language",
};

const BG: Texts = Texts {
    invitation_subject: "Вашето мнение: {title}",
    reminder_subject: "Напомняне — вашето мнение: {title}",
    invitation_body: "Здравейте, {name},\n\nще се радваме да научим мнението ви за получената услуга. Проучването „{title}“ отнема около 10 минути и можете да отговорите анонимно.\n\n{link}\n\nВръзката е лична и е валидна до {expires}.\n\nБлагодарим ви!\n",
    intro: "Проучването отнема около 10 минути. Въпросите, отбелязани с *, изискват отговор.",
    required: "задължително",
    anonymous_label: "Искам да остана анонимен",
    anonymous_help: "Ако отметнете това поле, партньорът вижда отговорите ви, но не и вашето име, имейл или компания. Отговорите ви пак се отчитат за партньора.",
    submit: "Изпрати отговорите",
    fix_errors: "Моля, проверете отбелязаните по-долу отговори.",
    thanks_title: "Благодарим ви!",
    thanks_body: "Отговорите ви са записани. Можете да затворите страницата.",
    answered_title: "Вече сте отговорили",
    answered_body: "С тази връзка вече са изпратени отговори. Благодарим ви за участието.",
    expired_title: "Връзката е изтекла",
    expired_body: "Проучването зад тази връзка вече не приема отговори.",
    unknown_title: "Връзката не е намерена",
    unknown_body: "Тази връзка към проучване не е валидна. Проверете дали сте копирали цялата връзка.",
    slow_down: "Твърде много заявки — изчакайте минута и опитайте отново.",
    anonymous_legend: "Вашата самоличност",
    answer_required: "Моля, отговорете на този въпрос.",
    answer_invalid: "Моля, изберете един от предложените отговори.",
    answer_unstorable: "Този отговор съдържа знаци, които не могат да бъдат запазени; моля, въведете го отново.",
    language: "Език",
};

const RU: Texts = Texts {
    invitation_subject: "Ваше мнение: {title}",
    reminder_subject: "Напоминание — ваше мнение: {title}",
    invitation_body: "Здравствуйте, {name}!\n\nНам важно ваше мнение о полученных услугах. Опрос «{title}» займёт около 10 минут, отвечать можно анонимно.\n\n{link}\n\nСсылка персональная и действует до {expires}.\n\nСпасибо!\n",
    intro: "Опрос займёт около 10 минут. Вопросы, отмеченные *, обязательны.",
    required: "обязательно",
    anonymous_label: "Остаться анонимным",
    anonymous_help: "Если отметить это поле, партнёр увидит ваши ответы, но не ваше имя, адрес почты или компанию. Ваши ответы всё равно засчитываются партнёру.",
    submit: "Отправить ответы",
    fix_errors: "Пожалуйста, проверьте отмеченные ниже ответы.",
    thanks_title: "Спасибо!",
    thanks_body: "Ваши ответы сохранены. Страницу можно закрыть.",
    answered_title: "Ответ уже отправлен",
    answered_body: "По этой ссылке ответы уже отправлены. Спасибо за участие.",
    expired_title: "Срок действия ссылки истёк",
    expired_body: "Опрос по этой ссылке больше не принимает ответы.",
    unknown_title: "Ссылка не найдена",
    unknown_body: "Эта ссылка на опрос недействительна. Проверьте, что ссылка скопирована полностью.",
    slow_down: "Слишком много запросов — подождите минуту и попробуйте снова.",
    anonymous_legend: "Ваша личность",
    answer_required: "Пожалуйста, ответьте на этот вопрос.",
    answer_invalid: "Пожалуйста, выберите один из предложенных ответов.",
    answer_unstorable: "Этот ответ содержит символы, которые нельзя сохранить; пожалуйста, введите его заново.",
    language: "Язык",
};

/// The texts for `locale` (its language), English when there are none.
pub fn texts(locale: &str) -> &'static Texts {
    match locale.split('-').next().unwrap_or(locale) {
        "bg" => &BG,
        "ru" => &RU,
        _ => &EN,
    }
}

/// A language's own name, for the language switcher (the code itself when unknown).
pub fn language_name(locale: &str) -> &str {
    match locale.split('-').next().unwrap_or(locale) {
        "en" => "English",
        "bg" => "Български",
        "ru" => "Русский",
        "de" => "Deutsch",
        "fr" => "Français",
        "es" => "Español",
        "it" => "Italiano",
        "pl" => "Polski",
        "ro" => "Română",
        "uk" => "Українська",
        _ => locale,
    }
}
