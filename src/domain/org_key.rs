//! The customer-organization key behind the "first 8 per organization" cap.
//!
//! One organization, one key: the contact's email domain unless it is a free-mail
//! domain, else the organization name normalized (case, punctuation, legal form),
//! else a one-way hash of the email (a person with no organization is their own).

use sha2::{Digest, Sha256};

/// Free-mail providers: their domains say nothing about the customer organization.
const FREE_MAIL_DOMAINS: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "yahoo.com",
    "ymail.com",
    "hotmail.com",
    "outlook.com",
    "live.com",
    "msn.com",
    "icloud.com",
    "me.com",
    "mac.com",
    "aol.com",
    "proton.me",
    "protonmail.com",
    "pm.me",
    "gmx.com",
    "gmx.net",
    "gmx.de",
    "web.de",
    "t-online.de",
    "mail.com",
    "zoho.com",
    "yandex.ru",
    "yandex.com",
    "ya.ru",
    "mail.ru",
    "bk.ru",
    "inbox.ru",
    "list.ru",
    "rambler.ru",
    "abv.bg",
    "mail.bg",
    "dir.bg",
    "ukr.net",
    "seznam.cz",
    "wp.pl",
    "o2.pl",
    "interia.pl",
    "libero.it",
    "orange.fr",
    "free.fr",
    "laposte.net",
    "qq.com",
    "163.com",
    "126.com",
    "naver.com",
    "fastmail.com",
    "tutanota.com",
    "hey.com",
];

/// Provider families with a domain per country (`yahoo.co.uk`, `hotmail.fr`, …).
const FREE_MAIL_FAMILIES: &[&str] = &["yahoo.", "hotmail.", "outlook.", "live.", "gmx.", "yandex."];

/// Legal-form words dropped from organization names ("Contoso Ltd" = "contoso").
const LEGAL_FORMS: &[&str] = &[
    "ltd",
    "limited",
    "llc",
    "llp",
    "lp",
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "company",
    "plc",
    "gmbh",
    "ag",
    "kg",
    "se",
    "sa",
    "sas",
    "sarl",
    "srl",
    "spa",
    "bv",
    "nv",
    "oy",
    "ab",
    "as",
    "kft",
    "pty",
    "pvt",
    "ood",
    "eood",
    "ead",
    "ad",
    "ooo",
    "zao",
    "oao",
    "pao",
    "ооо",
    "оао",
    "зао",
    "пао",
    "оод",
    "еоод",
    "еад",
    "ад",
];

/// Whether `domain` (lower case) belongs to a free-mail provider.
pub fn is_free_mail(domain: &str) -> bool {
    FREE_MAIL_DOMAINS.contains(&domain)
        || FREE_MAIL_FAMILIES
            .iter()
            .any(|family| domain.starts_with(family))
}

/// The organization name in canonical form: lower case, words only, legal forms dropped.
pub fn normalize_name(name: &str) -> String {
    let lowered = name.to_lowercase();
    let words: Vec<&str> = lowered
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let meaningful: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !LEGAL_FORMS.contains(w))
        .collect();
    if meaningful.is_empty() {
        words.join(" ")
    } else {
        meaningful.join(" ")
    }
}

/// The organization key of a contact from its email and organization name.
pub fn org_key(email: &str, organization: Option<&str>) -> String {
    let email = email.trim().to_lowercase();
    let domain = email
        .rsplit_once('@')
        .map(|(_, d)| d.trim_start_matches("www."))
        .unwrap_or_default();
    if !domain.is_empty() && !is_free_mail(domain) {
        return format!("domain:{domain}");
    }
    let name = organization.map(normalize_name).unwrap_or_default();
    if !name.is_empty() {
        return format!("name:{name}");
    }
    let digest = Sha256::digest(email.as_bytes());
    let hex: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
    format!("person:{hex}")
}

/// A label a person understands for an organization key: the name entered for the organization
/// (with its domain), its domain, its name as normalized, or what a person's own key stands for.
pub fn label(key: &str, entered_name: Option<&str>) -> String {
    let entered = entered_name.map(str::trim).filter(|n| !n.is_empty());
    match (key.split_once(':'), entered) {
        (Some(("domain", domain)), Some(name)) => format!("{name} ({domain})"),
        (Some(("domain", domain)), None) => domain.to_owned(),
        (Some(("name", _)), Some(name)) => name.to_owned(),
        (Some(("name", normalized)), None) => normalized.to_owned(),
        _ => "an individual (free-mail address, no organization given)".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn company_domain_wins() {
        assert_eq!(
            org_key("Anna@Contoso.COM", Some("Contoso Ltd")),
            "domain:contoso.com"
        );
        assert_eq!(org_key("bob@www.contoso.com", None), "domain:contoso.com");
    }

    #[test]
    fn free_mail_falls_back_to_normalized_name() {
        assert_eq!(org_key("a@gmail.com", Some("Contoso Ltd")), "name:contoso");
        assert_eq!(
            org_key("b@yahoo.co.uk", Some("contoso ltd.")),
            "name:contoso"
        );
        assert_eq!(
            org_key("c@abv.bg", Some("  CONTOSO,  Limited ")),
            "name:contoso"
        );
        assert_eq!(org_key("d@mail.ru", Some("ООО Ромашка")), "name:ромашка");
    }

    #[test]
    fn person_without_organization_is_own_key_and_hides_the_email() {
        let key = org_key("someone@gmail.com", None);
        assert!(key.starts_with("person:"));
        assert!(!key.contains("someone"));
        assert_eq!(key, org_key(" SOMEONE@gmail.com", Some("  ")));
        assert_ne!(key, org_key("other@gmail.com", None));
    }

    #[test]
    fn a_name_made_only_of_legal_forms_is_kept() {
        assert_eq!(normalize_name("AB"), "ab");
        assert_eq!(normalize_name("Fabrikam & Co. GmbH"), "fabrikam");
    }

    #[test]
    fn labels_read_as_the_organization_they_stand_for() {
        assert_eq!(
            label("domain:contoso.example", Some("Contoso Ltd")),
            "Contoso Ltd (contoso.example)"
        );
        assert_eq!(label("domain:contoso.example", None), "contoso.example");
        assert_eq!(label("name:fabrikam", Some("Fabrikam AD ")), "Fabrikam AD");
        assert_eq!(label("name:fabrikam", None), "fabrikam");
        assert_eq!(
            label("person:2ab050ff", Some("ignored")),
            "an individual (free-mail address, no organization given)"
        );
    }
}
