//! Who may call what, stated in each handler's signature: a handler takes a [`Caller<P>`] whose policy
//! `P` names the capability it needs, and the extractor refuses everyone else before the handler runs.
//! [`Principal`] itself is not an extractor, so a handler cannot ask for the caller without a policy:
//!
//! ```compile_fail
//! use actix_web::{get, HttpResponse};
//! use csat_index::auth::Principal;
//!
//! #[get("/no-policy")]
//! async fn no_policy(principal: Principal) -> HttpResponse {
//!     HttpResponse::Ok().body(principal.subject)
//! }
//! ```
//!
//! With a policy it compiles, and the extractor answers 401 or 403 before the handler runs:
//!
//! ```
//! use actix_web::{get, HttpResponse};
//! use csat_index::auth::{Caller, RecordReader};
//!
//! #[get("/with-policy")]
//! async fn with_policy(caller: Caller<RecordReader>) -> HttpResponse {
//!     HttpResponse::Ok().body(caller.subject.clone())
//! }
//! ```
//!
//! The one table of role × capability is [`Capability::allows`].

use std::{future::Ready, marker::PhantomData, ops::Deref};

use actix_web::{dev::Payload, FromRequest, HttpRequest};

use super::{authenticate, Principal, Role};
use crate::{
    domain::ids::PartnerId,
    error::{ApiError, ApiResult},
};

/// What an operation needs of its caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Capability {
    /// Any authenticated role; partners see only their own objects.
    Read,
    /// Create or change objects: the administrator, or a partner on its own objects.
    Write,
    /// Read or change confidential customer contacts.
    Contacts,
    /// Read individual surveys, invitations and responses (never the vendor, who sees aggregates).
    Records,
    /// Read program-wide lists (the administrator and the vendor; a partner reads its own objects).
    ProgramWide,
    /// Run the program: partners, memberships, settings, periods, voids, imports.
    Administer,
}

impl Capability {
    /// The table: whether `role` has the capability.
    pub fn allows(self, role: Role) -> bool {
        use Role::{Admin, Partner, Vendor};
        match (self, role) {
            (Capability::Read, Admin | Partner | Vendor) => true,
            (Capability::Write | Capability::Contacts | Capability::Records, Admin | Partner) => {
                true
            }
            (Capability::Write | Capability::Contacts | Capability::Records, Vendor) => false,
            (Capability::ProgramWide, Admin | Vendor) => true,
            (Capability::ProgramWide, Partner) => false,
            (Capability::Administer, Admin) => true,
            (Capability::Administer, Partner | Vendor) => false,
        }
    }

    /// Why a role without the capability is refused.
    fn refusal(self) -> &'static str {
        match self {
            Capability::Read => "this role may not read this",
            Capability::Write => "the vendor role is read-only",
            Capability::Contacts => {
                "customer contacts are confidential to the partner and the administrator"
            }
            Capability::Records => {
                "the vendor sees the program in aggregate only, never individual surveys or responses"
            }
            Capability::ProgramWide => {
                "the program-wide list is for the administrator and the vendor; use /memberships/{id}/compliance"
            }
            Capability::Administer => "only the program administrator may do this",
        }
    }

    /// `Ok` when `role` has the capability, else 403 saying why.
    pub fn check(self, role: Role) -> ApiResult<()> {
        match self.allows(role) {
            true => Ok(()),
            false => Err(ApiError::Forbidden(self.refusal().into())),
        }
    }
}

/// A policy type naming the capability a handler needs.
pub trait Policy {
    /// The capability.
    const CAPABILITY: Capability;
}

macro_rules! policy {
    ($(#[$doc:meta])* $name:ident => $capability:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy)]
        pub struct $name;

        impl Policy for $name {
            const CAPABILITY: Capability = Capability::$capability;
        }
    };
}

policy!(
    /// Any authenticated role ([`Capability::Read`]).
    AnyRole => Read
);
policy!(
    /// The administrator or a partner on its own objects ([`Capability::Write`]).
    PartnerOrAdmin => Write
);
policy!(
    /// Confidential contacts ([`Capability::Contacts`]).
    ContactReader => Contacts
);
policy!(
    /// Individual records ([`Capability::Records`]).
    RecordReader => Records
);
policy!(
    /// The administrator or the vendor ([`Capability::ProgramWide`]).
    ProgramReader => ProgramWide
);
policy!(
    /// The administrator only ([`Capability::Administer`]).
    AdminOnly => Administer
);

/// Whose objects a caller may see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    /// Every partner's (the administrator and the vendor).
    All,
    /// One partner's own: any other partner's object is 404.
    Partner(PartnerId),
}

impl Visibility {
    /// The partner it is limited to, if any.
    pub fn partner(self) -> Option<PartnerId> {
        match self {
            Visibility::All => None,
            Visibility::Partner(id) => Some(id),
        }
    }
}

/// The authenticated caller of an operation whose policy `P` it passed.
#[derive(Debug, Clone)]
pub struct Caller<P> {
    principal: Principal,
    policy: PhantomData<P>,
}

impl<P> Caller<P> {
    /// Whose objects the caller may see.
    pub fn visibility(&self) -> Visibility {
        match (self.principal.role, self.principal.partner_id) {
            (Role::Partner, Some(partner)) => Visibility::Partner(partner.into()),
            _ => Visibility::All,
        }
    }
}

impl<P> Deref for Caller<P> {
    type Target = Principal;

    fn deref(&self) -> &Principal {
        &self.principal
    }
}

impl<P: Policy> FromRequest for Caller<P> {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(authenticate(req).and_then(|principal| {
            P::CAPABILITY.check(principal.role)?;
            Ok(Caller {
                principal,
                policy: PhantomData,
            })
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_role_capability_table() {
        use Capability::*;
        let table: Vec<(Capability, [bool; 3])> =
            [Read, Write, Contacts, Records, ProgramWide, Administer]
                .into_iter()
                .map(|c| {
                    (
                        c,
                        [Role::Admin, Role::Partner, Role::Vendor].map(|r| c.allows(r)),
                    )
                })
                .collect();
        assert_eq!(
            table,
            [
                (Read, [true, true, true]),
                (Write, [true, true, false]),
                (Contacts, [true, true, false]),
                (Records, [true, true, false]),
                (ProgramWide, [true, false, true]),
                (Administer, [true, false, false]),
            ]
        );
        assert!(Administer.check(Role::Partner).is_err());
        assert!(Records.check(Role::Partner).is_ok());
    }
}
