CREATE TABLE IF NOT EXISTS "__ef_migrations_history" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___ef_migrations_history" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

CREATE TABLE "org_units" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_org_units" PRIMARY KEY AUTOINCREMENT,
    "ParentId" INTEGER NULL,
    "Level" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "DivisionCode" TEXT NULL,
    "Path" TEXT NOT NULL,
    "CountyId" INTEGER NULL,
    "Address" TEXT NULL,
    "Latitude" REAL NULL,
    "Longitude" REAL NULL,
    "ContactName" TEXT NULL,
    "ContactPhone" TEXT NULL,
    "Status" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_org_units_org_units_ParentId" FOREIGN KEY ("ParentId") REFERENCES "org_units" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_org_units_CountyId" ON "org_units" ("CountyId");

CREATE UNIQUE INDEX "IX_org_units_DivisionCode" ON "org_units" ("DivisionCode");

CREATE INDEX "IX_org_units_ParentId" ON "org_units" ("ParentId");

CREATE INDEX "IX_org_units_Path" ON "org_units" ("Path");

CREATE TABLE "ppl_people" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ppl_people" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "IdNumberCipher" TEXT NOT NULL,
    "IdNumberHash" TEXT NOT NULL,
    "IdNumberMasked" TEXT NOT NULL,
    "Gender" TEXT NOT NULL,
    "BirthDate" TEXT NOT NULL,
    "Phone" TEXT NOT NULL,
    "HouseholdId" INTEGER NULL,
    "PoliticalStatus" TEXT NOT NULL,
    "Skills" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_ppl_people_CountyId_IdNumberHash" ON "ppl_people" ("CountyId", "IdNumberHash");

CREATE INDEX "IX_ppl_people_Name" ON "ppl_people" ("Name");

CREATE INDEX "IX_ppl_people_OrgUnitId" ON "ppl_people" ("OrgUnitId");

CREATE INDEX "IX_ppl_people_Phone" ON "ppl_people" ("Phone");

CREATE TABLE "acct_users" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_acct_users" PRIMARY KEY AUTOINCREMENT,
    "DisplayName" TEXT NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "CountyId" INTEGER NULL,
    "PersonId" INTEGER NULL,
    "IsActive" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "RoleList" TEXT NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);

CREATE INDEX "EmailIndex" ON "acct_users" ("NormalizedEmail");

CREATE INDEX "IX_acct_users_OrgUnitId" ON "acct_users" ("OrgUnitId");

CREATE INDEX "IX_acct_users_PersonId" ON "acct_users" ("PersonId");

CREATE UNIQUE INDEX "UserNameIndex" ON "acct_users" ("NormalizedUserName");

CREATE TABLE "acct_user_claims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_acct_user_claims" PRIMARY KEY AUTOINCREMENT,
    "UserId" INTEGER NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_acct_user_claims_acct_users_UserId" FOREIGN KEY ("UserId") REFERENCES "acct_users" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_acct_user_claims_UserId" ON "acct_user_claims" ("UserId");

CREATE TABLE "acct_user_logins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" INTEGER NOT NULL,
    CONSTRAINT "PK_acct_user_logins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_acct_user_logins_acct_users_UserId" FOREIGN KEY ("UserId") REFERENCES "acct_users" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_acct_user_logins_UserId" ON "acct_user_logins" ("UserId");

CREATE TABLE "acct_user_tokens" (
    "UserId" INTEGER NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_acct_user_tokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_acct_user_tokens_acct_users_UserId" FOREIGN KEY ("UserId") REFERENCES "acct_users" ("Id") ON DELETE CASCADE
);

CREATE TABLE "plat_audit_entries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_plat_audit_entries" PRIMARY KEY AUTOINCREMENT,
    "At" TEXT NOT NULL,
    "UserId" INTEGER NULL,
    "Login" TEXT NULL,
    "IpAddress" TEXT NULL,
    "Action" TEXT NOT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityId" TEXT NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "Changes" TEXT NOT NULL
);

CREATE INDEX "IX_plat_audit_entries_At" ON "plat_audit_entries" ("At");

CREATE INDEX "IX_plat_audit_entries_OrgUnitId_At" ON "plat_audit_entries" ("OrgUnitId", "At");

CREATE TABLE "plat_data_protection_keys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_plat_data_protection_keys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NOT NULL
);

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261123000000_Foundation', '10.0.15');

CREATE TABLE "vol_volunteers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_vol_volunteers" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "PersonId" INTEGER NOT NULL,
    "VolunteerNumber" TEXT NULL,
    "Status" TEXT NOT NULL,
    "Skills" TEXT NULL,
    "ServiceAreas" TEXT NULL,
    "Availability" TEXT NULL,
    "GuardianName" TEXT NULL,
    "GuardianRelation" TEXT NULL,
    "GuardianPhone" TEXT NULL,
    "GuardianConsentAt" TEXT NULL,
    "RejectReason" TEXT NULL,
    "AppliedAt" TEXT NOT NULL,
    "ReviewedAt" TEXT NULL,
    "ReviewedByUserId" INTEGER NULL
);

CREATE INDEX "IX_vol_volunteers_OrgUnitId" ON "vol_volunteers" ("OrgUnitId");

CREATE UNIQUE INDEX "IX_vol_volunteers_PersonId" ON "vol_volunteers" ("PersonId");

CREATE INDEX "IX_vol_volunteers_Status" ON "vol_volunteers" ("Status");

CREATE UNIQUE INDEX "IX_vol_volunteers_VolunteerNumber" ON "vol_volunteers" ("VolunteerNumber");

CREATE TABLE "vol_number_counters" (
    "CountyId" INTEGER NOT NULL CONSTRAINT "PK_vol_number_counters" PRIMARY KEY,
    "LastSequence" INTEGER NOT NULL
);

CREATE TABLE "vol_teams" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_vol_teams" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "LeaderVolunteerId" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE INDEX "IX_vol_teams_LeaderVolunteerId" ON "vol_teams" ("LeaderVolunteerId");

CREATE INDEX "IX_vol_teams_OrgUnitId" ON "vol_teams" ("OrgUnitId");

CREATE TABLE "vol_team_members" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_vol_team_members" PRIMARY KEY AUTOINCREMENT,
    "TeamId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "VolunteerId" INTEGER NOT NULL,
    "JoinedAt" TEXT NOT NULL
);

CREATE INDEX "IX_vol_team_members_OrgUnitId" ON "vol_team_members" ("OrgUnitId");

CREATE UNIQUE INDEX "IX_vol_team_members_TeamId_VolunteerId" ON "vol_team_members" ("TeamId", "VolunteerId");

CREATE INDEX "IX_vol_team_members_VolunteerId" ON "vol_team_members" ("VolunteerId");

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261123010000_Volunteers', '10.0.15');

CREATE TABLE "so_organizations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_so_organizations" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "CreditCode" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "ServiceFields" TEXT NULL,
    "ContactName" TEXT NULL,
    "ContactPhone" TEXT NULL,
    "Address" TEXT NULL,
    "Status" TEXT NOT NULL,
    "IsFederationMember" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_so_organizations_CountyId_CreditCode" ON "so_organizations" ("CountyId", "CreditCode");

CREATE UNIQUE INDEX "IX_so_organizations_CountyId_Name" ON "so_organizations" ("CountyId", "Name");

CREATE INDEX "IX_so_organizations_OrgUnitId" ON "so_organizations" ("OrgUnitId");

CREATE TABLE "so_pairings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_so_pairings" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "SocialOrganizationId" INTEGER NOT NULL,
    "StartedOn" TEXT NOT NULL,
    "EndedOn" TEXT NULL,
    "Content" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE INDEX "IX_so_pairings_OrgUnitId" ON "so_pairings" ("OrgUnitId");

CREATE UNIQUE INDEX "IX_so_pairings_SocialOrganizationId_OrgUnitId" ON "so_pairings" ("SocialOrganizationId", "OrgUnitId") WHERE "EndedOn" IS NULL;

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261123020000_SocialOrgs', '10.0.15');

CREATE TABLE "act_activities" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_act_activities" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "TeamId" INTEGER NULL,
    "Title" TEXT NOT NULL,
    "Description" TEXT NULL,
    "Category" TEXT NOT NULL,
    "Place" TEXT NOT NULL,
    "StartsAt" TEXT NOT NULL,
    "EndsAt" TEXT NOT NULL,
    "Capacity" INTEGER NOT NULL,
    "SignUpStartsAt" TEXT NULL,
    "SignUpEndsAt" TEXT NULL,
    "WaitlistCapacity" INTEGER NOT NULL,
    "RecruitmentConditions" TEXT NULL,
    "Status" TEXT NOT NULL,
    "EnrolledCount" INTEGER NOT NULL,
    "WaitlistCount" INTEGER NOT NULL,
    "WaitlistIssued" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedByUserId" INTEGER NULL
);

CREATE INDEX "IX_act_activities_OrgUnitId" ON "act_activities" ("OrgUnitId");

CREATE INDEX "IX_act_activities_Status_StartsAt" ON "act_activities" ("Status", "StartsAt");

CREATE TABLE "act_enrollments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_act_enrollments" PRIMARY KEY AUTOINCREMENT,
    "ActivityId" INTEGER NOT NULL,
    "VolunteerId" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "Position" INTEGER NULL,
    "StartsAt" TEXT NOT NULL,
    "EndsAt" TEXT NOT NULL,
    "EnrolledAt" TEXT NOT NULL,
    "EnrolledByUserId" INTEGER NULL
);

CREATE UNIQUE INDEX "IX_act_enrollments_ActivityId_VolunteerId" ON "act_enrollments" ("ActivityId", "VolunteerId");

CREATE INDEX "IX_act_enrollments_VolunteerId_StartsAt" ON "act_enrollments" ("VolunteerId", "StartsAt");

CREATE TABLE "act_volunteer_locks" (
    "VolunteerId" INTEGER NOT NULL CONSTRAINT "PK_act_volunteer_locks" PRIMARY KEY,
    "Version" INTEGER NOT NULL
);

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261123030000_Activities', '10.0.15');

CREATE TABLE "vol_service_records" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_vol_service_records" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "VolunteerId" INTEGER NOT NULL,
    "SourceKind" TEXT NOT NULL,
    "SourceId" INTEGER NULL,
    "ServiceDate" TEXT NOT NULL,
    "Place" TEXT NOT NULL,
    "Content" TEXT NOT NULL,
    "Minutes" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "ConfirmedAt" TEXT NULL,
    "ConfirmedByUserId" INTEGER NULL,
    "ReversesRecordId" INTEGER NULL,
    "Reason" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedByUserId" INTEGER NULL
);

CREATE INDEX "IX_vol_service_records_OrgUnitId_ServiceDate" ON "vol_service_records" ("OrgUnitId", "ServiceDate");

CREATE UNIQUE INDEX "IX_vol_service_records_ReversesRecordId" ON "vol_service_records" ("ReversesRecordId");

CREATE UNIQUE INDEX "IX_vol_service_records_SourceKind_SourceId_VolunteerId" ON "vol_service_records" ("SourceKind", "SourceId", "VolunteerId");

CREATE INDEX "IX_vol_service_records_VolunteerId_ServiceDate" ON "vol_service_records" ("VolunteerId", "ServiceDate");

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261123040000_ServiceRecords', '10.0.15');

ALTER TABLE "act_enrollments" ADD "CheckedInAt" TEXT NULL;

ALTER TABLE "act_enrollments" ADD "CheckInMethod" TEXT NULL;

ALTER TABLE "act_enrollments" ADD "CheckedInByUserId" INTEGER NULL;

ALTER TABLE "act_enrollments" ADD "CheckedOutAt" TEXT NULL;

ALTER TABLE "act_enrollments" ADD "CheckOutMethod" TEXT NULL;

ALTER TABLE "act_enrollments" ADD "CheckedOutByUserId" INTEGER NULL;

ALTER TABLE "act_enrollments" ADD "NoShowAt" TEXT NULL;

ALTER TABLE "act_enrollments" ADD "ServiceRecordId" INTEGER NULL;

CREATE TABLE "act_check_in_keys" (
    "ActivityId" INTEGER NOT NULL CONSTRAINT "PK_act_check_in_keys" PRIMARY KEY,
    "Secret" BLOB NOT NULL
);

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261123050000_Attendance', '10.0.15');

CREATE TABLE "plat_files" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_plat_files" PRIMARY KEY AUTOINCREMENT,
    "OrgUnitId" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    "UploadedByUserId" INTEGER NULL
);

CREATE INDEX "IX_plat_files_OrgUnitId" ON "plat_files" ("OrgUnitId");

CREATE TABLE "plat_file_contents" (
    "FileId" INTEGER NOT NULL CONSTRAINT "PK_plat_file_contents" PRIMARY KEY,
    "Bytes" BLOB NOT NULL,
    CONSTRAINT "FK_plat_file_contents_plat_files_FileId" FOREIGN KEY ("FileId") REFERENCES "plat_files" ("Id") ON DELETE CASCADE
);

CREATE TABLE "act_checklist_steps" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_act_checklist_steps" PRIMARY KEY AUTOINCREMENT,
    "ActivityId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "Step" TEXT NOT NULL,
    "Done" INTEGER NOT NULL,
    "Note" TEXT NULL,
    "ChangedAt" TEXT NOT NULL,
    "ChangedByUserId" INTEGER NULL
);

CREATE UNIQUE INDEX "IX_act_checklist_steps_ActivityId_Step" ON "act_checklist_steps" ("ActivityId", "Step");

CREATE INDEX "IX_act_checklist_steps_OrgUnitId" ON "act_checklist_steps" ("OrgUnitId");

CREATE TABLE "act_attachments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_act_attachments" PRIMARY KEY AUTOINCREMENT,
    "ActivityId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "FileId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Caption" TEXT NULL,
    "UploadedAt" TEXT NOT NULL,
    "UploadedByUserId" INTEGER NULL
);

CREATE INDEX "IX_act_attachments_ActivityId" ON "act_attachments" ("ActivityId");

CREATE INDEX "IX_act_attachments_OrgUnitId" ON "act_attachments" ("OrgUnitId");

CREATE UNIQUE INDEX "IX_act_attachments_FileId" ON "act_attachments" ("FileId");

ALTER TABLE "act_activities" ADD "ArchiveComplete" INTEGER NOT NULL DEFAULT 0;

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261123060000_ActivityArchive', '10.0.15');

CREATE TABLE "vol_certificates" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_vol_certificates" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "VolunteerId" INTEGER NOT NULL,
    "CertificateNumber" TEXT NOT NULL,
    "VerificationCode" TEXT NOT NULL,
    "HolderNameMasked" TEXT NOT NULL,
    "VolunteerNumber" TEXT NOT NULL,
    "TotalMinutes" INTEGER NOT NULL,
    "ItemCount" INTEGER NOT NULL,
    "LastRecordId" INTEGER NOT NULL,
    "IssuerName" TEXT NOT NULL,
    "IssuedAt" TEXT NOT NULL,
    "IssuedByUserId" INTEGER NULL,
    "HandlerName" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_vol_certificates_CertificateNumber" ON "vol_certificates" ("CertificateNumber");

CREATE INDEX "IX_vol_certificates_OrgUnitId" ON "vol_certificates" ("OrgUnitId");

CREATE UNIQUE INDEX "IX_vol_certificates_VerificationCode" ON "vol_certificates" ("VerificationCode");

CREATE INDEX "IX_vol_certificates_VolunteerId_IssuedAt" ON "vol_certificates" ("VolunteerId", "IssuedAt");

CREATE TABLE "vol_certificate_counters" (
    "CountyId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "LastSequence" INTEGER NOT NULL,
    CONSTRAINT "PK_vol_certificate_counters" PRIMARY KEY ("CountyId", "Year")
);

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261123070000_Certificates', '10.0.15');

CREATE TABLE "ntf_notifications" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ntf_notifications" PRIMARY KEY AUTOINCREMENT,
    "UserId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "Link" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ReadAt" TEXT NULL
);

CREATE INDEX "IX_ntf_notifications_UserId_CreatedAt" ON "ntf_notifications" ("UserId", "CreatedAt");

CREATE INDEX "IX_ntf_notifications_UserId_ReadAt" ON "ntf_notifications" ("UserId", "ReadAt");

CREATE TABLE "ntf_preferences" (
    "PersonId" INTEGER NOT NULL CONSTRAINT "PK_ntf_preferences" PRIMARY KEY,
    "ActivityReminders" INTEGER NOT NULL,
    "ReminderLeadHours" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261123080000_Notifications', '10.0.15');

CREATE TABLE "act_reminders" (
    "ActivityId" INTEGER NOT NULL,
    "VolunteerId" INTEGER NOT NULL,
    "SentAt" TEXT NOT NULL,
    CONSTRAINT "PK_act_reminders" PRIMARY KEY ("ActivityId", "VolunteerId")
);

CREATE TABLE "act_calendar_feeds" (
    "PersonId" INTEGER NOT NULL CONSTRAINT "PK_act_calendar_feeds" PRIMARY KEY,
    "Token" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_act_calendar_feeds_Token" ON "act_calendar_feeds" ("Token");

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261123085000_ActivityReminders', '10.0.15');

CREATE TABLE "ord_service_items" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ord_service_items" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "Description" TEXT NULL,
    "TeamIdList" TEXT NOT NULL,
    "Active" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE INDEX "IX_ord_service_items_OrgUnitId" ON "ord_service_items" ("OrgUnitId");

CREATE TABLE "ord_orders" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ord_orders" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "HandlingUnitId" INTEGER NOT NULL,
    "ServiceItemId" INTEGER NULL,
    "Description" TEXT NOT NULL,
    "Address" TEXT NULL,
    "WantedAt" TEXT NULL,
    "ContactPhone" TEXT NOT NULL,
    "RequesterPersonId" INTEGER NOT NULL,
    "SubmittedByUserId" INTEGER NULL,
    "OnBehalf" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "DispatchMode" TEXT NULL,
    "TeamId" INTEGER NULL,
    "DueAt" TEXT NULL,
    "StepStartedAt" TEXT NOT NULL,
    "DeadlineAt" TEXT NULL,
    "Flagged" INTEGER NOT NULL,
    "OverdueSince" TEXT NULL,
    "RejectReason" TEXT NULL,
    "Summary" TEXT NULL,
    "Stars" INTEGER NULL,
    "RatingComment" TEXT NULL,
    "SubmittedAt" TEXT NOT NULL,
    "CompletedAt" TEXT NULL,
    "Version" INTEGER NOT NULL
);

CREATE INDEX "IX_ord_orders_OrgUnitId" ON "ord_orders" ("OrgUnitId");

CREATE INDEX "IX_ord_orders_HandlingUnitId" ON "ord_orders" ("HandlingUnitId");

CREATE INDEX "IX_ord_orders_RequesterPersonId" ON "ord_orders" ("RequesterPersonId");

CREATE INDEX "IX_ord_orders_TeamId" ON "ord_orders" ("TeamId");

CREATE INDEX "IX_ord_orders_Status_DeadlineAt" ON "ord_orders" ("Status", "DeadlineAt");

CREATE TABLE "ord_order_history" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ord_order_history" PRIMARY KEY AUTOINCREMENT,
    "OrderId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "FromStatus" TEXT NULL,
    "ToStatus" TEXT NOT NULL,
    "Action" TEXT NULL,
    "ByUserId" INTEGER NULL,
    "At" TEXT NOT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_ord_order_history_ord_orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES "ord_orders" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ord_order_history_OrderId" ON "ord_order_history" ("OrderId");

CREATE TABLE "ord_deadline_rules" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ord_deadline_rules" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "DispatchHours" INTEGER NOT NULL,
    "AcceptHours" INTEGER NOT NULL,
    "CompleteDays" INTEGER NOT NULL,
    "AutoCloseDays" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_ord_deadline_rules_CountyId" ON "ord_deadline_rules" ("CountyId");

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261123090000_Orders', '10.0.15');

CREATE TABLE "ord_order_photos" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ord_order_photos" PRIMARY KEY AUTOINCREMENT,
    "OrderId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "FileId" INTEGER NOT NULL,
    "Caption" TEXT NULL,
    "UploadedAt" TEXT NOT NULL,
    "UploadedByUserId" INTEGER NULL
);

CREATE INDEX "IX_ord_order_photos_OrderId" ON "ord_order_photos" ("OrderId");

CREATE INDEX "IX_ord_order_photos_OrgUnitId" ON "ord_order_photos" ("OrgUnitId");

CREATE UNIQUE INDEX "IX_ord_order_photos_FileId" ON "ord_order_photos" ("FileId");

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261123093000_OrderPhotos', '10.0.15');

CREATE TABLE "plat_idempotency_keys" (
    "UserId" INTEGER NOT NULL,
    "Key" TEXT NOT NULL,
    "Fingerprint" TEXT NOT NULL,
    "Status" INTEGER NULL,
    "ContentType" TEXT NULL,
    "Location" TEXT NULL,
    "Body" BLOB NULL,
    "CreatedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    CONSTRAINT "PK_plat_idempotency_keys" PRIMARY KEY ("UserId", "Key")
);

CREATE INDEX "IX_plat_idempotency_keys_ExpiresAt" ON "plat_idempotency_keys" ("ExpiresAt");

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261123095000_IdempotencyKeys', '10.0.15');

CREATE TABLE "pts_accounts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_pts_accounts" PRIMARY KEY AUTOINCREMENT,
    "PersonId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "CountyId" INTEGER NOT NULL,
    "Balance" INTEGER NOT NULL,
    "Earned" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "CK_pts_accounts_Balance" CHECK ("Balance" >= 0)
);

CREATE UNIQUE INDEX "IX_pts_accounts_PersonId" ON "pts_accounts" ("PersonId");

CREATE INDEX "IX_pts_accounts_OrgUnitId" ON "pts_accounts" ("OrgUnitId");

CREATE TABLE "pts_transactions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_pts_transactions" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "PersonId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "CountyId" INTEGER NOT NULL,
    "Amount" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "SourceKey" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "BalanceAfter" INTEGER NOT NULL,
    "EarnedAfter" INTEGER NOT NULL,
    "ReversesTransactionId" INTEGER NULL,
    "ByUserId" INTEGER NULL,
    "ByName" TEXT NULL,
    "At" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_pts_transactions_PersonId_SourceKey" ON "pts_transactions" ("PersonId", "SourceKey");

CREATE INDEX "IX_pts_transactions_OrgUnitId" ON "pts_transactions" ("OrgUnitId");

CREATE UNIQUE INDEX "IX_pts_transactions_ReversesTransactionId" ON "pts_transactions" ("ReversesTransactionId");

CREATE TABLE "pts_rules" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_pts_rules" PRIMARY KEY AUTOINCREMENT,
    "OrgUnitId" INTEGER NOT NULL,
    "CountyId" INTEGER NOT NULL,
    "PerServiceHour" INTEGER NULL,
    "PerActivityAttended" INTEGER NULL,
    "PerCompletedOrder" INTEGER NULL,
    "OrganizerBonusPercent" INTEGER NULL,
    "AwardMaxPoints" INTEGER NULL,
    "NoticeDays" INTEGER NULL,
    "StarThresholds" TEXT NULL,
    "UnitsMayOverride" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedByUserId" INTEGER NULL
);

CREATE UNIQUE INDEX "IX_pts_rules_OrgUnitId" ON "pts_rules" ("OrgUnitId");

CREATE INDEX "IX_pts_rules_CountyId" ON "pts_rules" ("CountyId");

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261123100000_Points', '10.0.15');

CREATE TABLE "pts_awards" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_pts_awards" PRIMARY KEY AUTOINCREMENT,
    "PersonId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "CountyId" INTEGER NOT NULL,
    "Points" INTEGER NOT NULL,
    "Category" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ProposedByUserId" INTEGER NULL,
    "ProposedByLogin" TEXT NULL,
    "ProposedAt" TEXT NOT NULL,
    "DecidedByUserId" INTEGER NULL,
    "DecidedByLogin" TEXT NULL,
    "DecidedAt" TEXT NULL,
    "DecisionNote" TEXT NULL,
    "NoticeEndsAt" TEXT NULL,
    "RevokedByUserId" INTEGER NULL,
    "RevokedByLogin" TEXT NULL,
    "RevokedAt" TEXT NULL,
    "RevokeReason" TEXT NULL,
    "CreditedAt" TEXT NULL,
    "AppliedPoints" INTEGER NULL,
    "TransactionId" INTEGER NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "CK_pts_awards_Points" CHECK ("Points" <> 0)
);

CREATE INDEX "IX_pts_awards_OrgUnitId" ON "pts_awards" ("OrgUnitId");

CREATE INDEX "IX_pts_awards_PersonId" ON "pts_awards" ("PersonId");

CREATE INDEX "IX_pts_awards_Status_NoticeEndsAt" ON "pts_awards" ("Status", "NoticeEndsAt");

CREATE TABLE "pts_award_evidence" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_pts_award_evidence" PRIMARY KEY AUTOINCREMENT,
    "AwardId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "FileId" INTEGER NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    "UploadedByUserId" INTEGER NULL
);

CREATE INDEX "IX_pts_award_evidence_AwardId" ON "pts_award_evidence" ("AwardId");

CREATE INDEX "IX_pts_award_evidence_OrgUnitId" ON "pts_award_evidence" ("OrgUnitId");

CREATE UNIQUE INDEX "IX_pts_award_evidence_FileId" ON "pts_award_evidence" ("FileId");

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261123101000_PointAwards', '10.0.15');

CREATE TABLE "mkt_goods" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_mkt_goods" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Description" TEXT NULL,
    "PricePoints" INTEGER NOT NULL,
    "Stock" INTEGER NOT NULL,
    "Donor" TEXT NULL,
    "PhotoFileId" INTEGER NULL,
    "Active" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "CK_mkt_goods_Stock" CHECK ("Stock" >= 0)
);

CREATE INDEX "IX_mkt_goods_OrgUnitId" ON "mkt_goods" ("OrgUnitId");

CREATE TABLE "mkt_stock_movements" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_mkt_stock_movements" PRIMARY KEY AUTOINCREMENT,
    "GoodsId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "CountyId" INTEGER NOT NULL,
    "Source" TEXT NOT NULL,
    "Quantity" INTEGER NOT NULL,
    "StockAfter" INTEGER NOT NULL,
    "Donor" TEXT NULL,
    "Note" TEXT NULL,
    "RedemptionId" INTEGER NULL,
    "ByUserId" INTEGER NULL,
    "ByName" TEXT NULL,
    "At" TEXT NOT NULL
);

CREATE INDEX "IX_mkt_stock_movements_GoodsId" ON "mkt_stock_movements" ("GoodsId");

CREATE INDEX "IX_mkt_stock_movements_OrgUnitId" ON "mkt_stock_movements" ("OrgUnitId");

CREATE TABLE "mkt_redemptions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_mkt_redemptions" PRIMARY KEY AUTOINCREMENT,
    "GoodsId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "CountyId" INTEGER NOT NULL,
    "PersonId" INTEGER NOT NULL,
    "GoodsName" TEXT NOT NULL,
    "Quantity" INTEGER NOT NULL,
    "UnitPrice" INTEGER NOT NULL,
    "Points" INTEGER NOT NULL,
    "PickupCode" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "AtCounter" INTEGER NOT NULL,
    "CreatedByUserId" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL,
    "PickedUpAt" TEXT NULL,
    "PickedUpByUserId" INTEGER NULL,
    "PickedUpByName" TEXT NULL,
    "CancelledAt" TEXT NULL,
    "CancelledByUserId" INTEGER NULL,
    "CancelledByName" TEXT NULL
);

CREATE UNIQUE INDEX "IX_mkt_redemptions_PickupCode" ON "mkt_redemptions" ("PickupCode") WHERE "Status" = 'Open';

CREATE INDEX "IX_mkt_redemptions_PersonId" ON "mkt_redemptions" ("PersonId");

CREATE INDEX "IX_mkt_redemptions_GoodsId" ON "mkt_redemptions" ("GoodsId");

CREATE INDEX "IX_mkt_redemptions_OrgUnitId" ON "mkt_redemptions" ("OrgUnitId");

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261123102000_Market', '10.0.15');

CREATE TABLE "plat_outbox" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_plat_outbox" PRIMARY KEY AUTOINCREMENT,
    "Type" TEXT NOT NULL,
    "Payload" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "DeliveredAt" TEXT NULL,
    "Attempts" INTEGER NOT NULL,
    "LastError" TEXT NULL
);

CREATE INDEX "IX_plat_outbox_DeliveredAt_Id" ON "plat_outbox" ("DeliveredAt", "Id");

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261123103000_Outbox', '10.0.15');

CREATE TABLE "plat_settings" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_plat_settings" PRIMARY KEY,
    "Value" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);

ALTER TABLE "plat_outbox" ADD "NextAttemptAt" TEXT NULL;

ALTER TABLE "plat_outbox" ADD "DeadAt" TEXT NULL;

CREATE INDEX "IX_plat_outbox_DeadAt" ON "plat_outbox" ("DeadAt");

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261202000000_KeyFingerprintAndDeadLetters', '10.0.15');

CREATE TABLE "acct_refresh_tokens" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_acct_refresh_tokens" PRIMARY KEY AUTOINCREMENT,
    "UserId" INTEGER NOT NULL,
    "FamilyId" TEXT NOT NULL,
    "ParentId" INTEGER NULL,
    "TokenHash" TEXT NOT NULL,
    "SecurityStamp" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "UsedAt" TEXT NULL,
    "RevokedAt" TEXT NULL
);

CREATE UNIQUE INDEX "IX_acct_refresh_tokens_TokenHash" ON "acct_refresh_tokens" ("TokenHash");

CREATE INDEX "IX_acct_refresh_tokens_FamilyId" ON "acct_refresh_tokens" ("FamilyId");

CREATE INDEX "IX_acct_refresh_tokens_ExpiresAt" ON "acct_refresh_tokens" ("ExpiresAt");

CREATE TABLE "acct_sign_in_throttle" (
    "AccountKey" TEXT NOT NULL,
    "Address" TEXT NOT NULL,
    "Failures" INTEGER NOT NULL,
    "LastFailureAt" TEXT NOT NULL,
    "WaitUntil" TEXT NULL,
    CONSTRAINT "PK_acct_sign_in_throttle" PRIMARY KEY ("AccountKey", "Address")
);

CREATE INDEX "IX_acct_sign_in_throttle_LastFailureAt" ON "acct_sign_in_throttle" ("LastFailureAt");

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261202080000_SignInHardening', '10.0.15');

ALTER TABLE "ppl_people" ADD "AnonymizedAt" TEXT NULL;

ALTER TABLE "ppl_people" ADD "AnonymizationReason" TEXT NULL;

ALTER TABLE "acct_users" ADD "LastSignInAt" TEXT NULL;

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261202090000_PersonAnonymization', '10.0.15');

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261202100000_PointsAsLong', '10.0.15');

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261202110000_OrdinalUnitPaths', '10.0.15');

CREATE TABLE "sup_tasks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_sup_tasks" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "AssignedByUnitId" INTEGER NOT NULL,
    "AssignedByUserId" INTEGER NULL,
    "AssignedByLogin" TEXT NULL,
    "Title" TEXT NOT NULL,
    "Description" TEXT NULL,
    "Source" TEXT NOT NULL,
    "SourceOrderId" INTEGER NULL,
    "AssignedAt" TEXT NOT NULL,
    "DueAt" TEXT NOT NULL,
    "YellowFrom" TEXT NOT NULL,
    "HalfwayAt" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Percent" INTEGER NOT NULL,
    "CompletedAt" TEXT NULL,
    "UrgeCount" INTEGER NOT NULL,
    "LastUrgedAt" TEXT NULL,
    "Version" INTEGER NOT NULL
);

CREATE INDEX "IX_sup_tasks_OrgUnitId_Status" ON "sup_tasks" ("OrgUnitId", "Status");

CREATE UNIQUE INDEX "IX_sup_tasks_SourceOrderId" ON "sup_tasks" ("SourceOrderId");

CREATE TABLE "sup_task_entries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_sup_task_entries" PRIMARY KEY AUTOINCREMENT,
    "TaskId" INTEGER NOT NULL,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Percent" INTEGER NULL,
    "Note" TEXT NULL,
    "ByUserId" INTEGER NULL,
    "ByLogin" TEXT NULL,
    "At" TEXT NOT NULL
);

CREATE INDEX "IX_sup_task_entries_TaskId" ON "sup_task_entries" ("TaskId");

CREATE INDEX "IX_sup_task_entries_OrgUnitId" ON "sup_task_entries" ("OrgUnitId");

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261203020000_SupervisionTasks', '10.0.15');

CREATE TABLE "fund_accounts" (
    "CountyId" INTEGER NOT NULL CONSTRAINT "PK_fund_accounts" PRIMARY KEY,
    "DonationsFen" INTEGER NOT NULL,
    "PaymentsFen" INTEGER NOT NULL,
    "BalanceFen" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "CK_fund_accounts_BalanceFen" CHECK ("BalanceFen" >= 0)
);

CREATE TABLE "fund_donations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_fund_donations" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "DonorName" TEXT NOT NULL,
    "Anonymous" INTEGER NOT NULL,
    "AmountFen" INTEGER NOT NULL,
    "Channel" TEXT NOT NULL,
    "ReceivedOn" TEXT NOT NULL,
    "ReceiptNumber" TEXT NULL,
    "ReversesId" INTEGER NULL,
    "Reason" TEXT NULL,
    "CreatedByUserId" INTEGER NULL,
    "CreatedByName" TEXT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_fund_donations_CountyId_ReceiptNumber" ON "fund_donations" ("CountyId", "ReceiptNumber");

CREATE UNIQUE INDEX "IX_fund_donations_ReversesId" ON "fund_donations" ("ReversesId");

CREATE INDEX "IX_fund_donations_OrgUnitId" ON "fund_donations" ("OrgUnitId");

CREATE TABLE "fund_projects" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_fund_projects" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "Applicant" TEXT NULL,
    "Beneficiaries" TEXT NULL,
    "BudgetLines" TEXT NULL,
    "RequestedFen" INTEGER NOT NULL,
    "ApprovedFen" INTEGER NOT NULL,
    "PaidFen" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "AppliedByUserId" INTEGER NULL,
    "AppliedByName" TEXT NULL,
    "AppliedAt" TEXT NOT NULL,
    "ReviewedByUserId" INTEGER NULL,
    "ReviewedByName" TEXT NULL,
    "ReviewedAt" TEXT NULL,
    "RejectReason" TEXT NULL,
    "OutcomeSummary" TEXT NULL,
    "PeopleServed" INTEGER NULL,
    "OutcomePhotoIds" TEXT NULL,
    "OutcomeAt" TEXT NULL,
    "ClosedAt" TEXT NULL,
    CONSTRAINT "CK_fund_projects_PaidFen" CHECK ("PaidFen" >= 0 AND "PaidFen" <= "ApprovedFen")
);

CREATE INDEX "IX_fund_projects_OrgUnitId" ON "fund_projects" ("OrgUnitId");

CREATE TABLE "fund_payments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_fund_payments" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "ProjectId" INTEGER NOT NULL,
    "AmountFen" INTEGER NOT NULL,
    "PaidOn" TEXT NOT NULL,
    "Payee" TEXT NOT NULL,
    "Purpose" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ReversesId" INTEGER NULL,
    "Reason" TEXT NULL,
    "CreatedByUserId" INTEGER NULL,
    "CreatedByName" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ApprovedByUserId" INTEGER NULL,
    "ApprovedByName" TEXT NULL,
    "ApprovedAt" TEXT NULL
);

CREATE UNIQUE INDEX "IX_fund_payments_ReversesId" ON "fund_payments" ("ReversesId");

CREATE INDEX "IX_fund_payments_ProjectId" ON "fund_payments" ("ProjectId");

CREATE INDEX "IX_fund_payments_OrgUnitId" ON "fund_payments" ("OrgUnitId");

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261203030000_Fund', '10.0.15');

CREATE TABLE "hh_households" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_hh_households" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "Address" TEXT NOT NULL,
    "HeadPersonId" INTEGER NOT NULL,
    "ContactPersonId" INTEGER NULL,
    "Tags" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE INDEX "IX_hh_households_OrgUnitId" ON "hh_households" ("OrgUnitId");

CREATE INDEX "IX_hh_households_ContactPersonId" ON "hh_households" ("ContactPersonId");

CREATE TABLE "hh_events" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_hh_events" PRIMARY KEY AUTOINCREMENT,
    "HouseholdId" INTEGER NOT NULL,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "OccurredAt" TEXT NOT NULL,
    "DueAt" TEXT NOT NULL,
    "Period" TEXT NULL,
    "Description" TEXT NULL,
    "Status" TEXT NOT NULL,
    "FirstVisitAt" TEXT NULL,
    "VisitCount" INTEGER NOT NULL,
    "CreatedByLogin" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE INDEX "IX_hh_events_OrgUnitId_Status_DueAt" ON "hh_events" ("OrgUnitId", "Status", "DueAt");

CREATE UNIQUE INDEX "IX_hh_events_HouseholdId_Kind_Period" ON "hh_events" ("HouseholdId", "Kind", "Period");

CREATE TABLE "hh_visits" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_hh_visits" PRIMARY KEY AUTOINCREMENT,
    "EventId" INTEGER NOT NULL,
    "HouseholdId" INTEGER NOT NULL,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "VisitedAt" TEXT NOT NULL,
    "Note" TEXT NOT NULL,
    "ByPersonId" INTEGER NULL,
    "ByLogin" TEXT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE INDEX "IX_hh_visits_EventId" ON "hh_visits" ("EventId");

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261204010000_Households', '10.0.15');

CREATE INDEX "IX_ppl_people_HouseholdId" ON "ppl_people" ("HouseholdId");

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261204010100_PeopleByHousehold', '10.0.15');

CREATE TABLE "content_articles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_content_articles" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Summary" TEXT NULL,
    "Body" TEXT NOT NULL,
    "CoverFileId" INTEGER NULL,
    "Status" TEXT NOT NULL,
    "Pinned" INTEGER NOT NULL,
    "ExpiresAt" TEXT NULL,
    "AuthorUserId" INTEGER NULL,
    "AuthorName" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "SubmittedAt" TEXT NULL,
    "FirstReviewerUserId" INTEGER NULL,
    "FirstReviewerName" TEXT NULL,
    "ApprovedByUserId" INTEGER NULL,
    "ApprovedByName" TEXT NULL,
    "ApprovedAt" TEXT NULL,
    "RejectReason" TEXT NULL,
    "PublishedAt" TEXT NULL,
    "PublishedByName" TEXT NULL
);

CREATE INDEX "IX_content_articles_OrgUnitId" ON "content_articles" ("OrgUnitId");

CREATE INDEX "IX_content_articles_Status_OrgUnitId_PublishedAt" ON "content_articles" ("Status", "OrgUnitId", "PublishedAt");

CREATE TABLE "content_settings" (
    "CountyId" INTEGER NOT NULL CONSTRAINT "PK_content_settings" PRIMARY KEY,
    "SecondReview" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261204020000_Content', '10.0.15');

CREATE TABLE "venues" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_venues" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "OwnerName" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Capacity" INTEGER NOT NULL,
    "Address" TEXT NULL,
    "Facilities" TEXT NULL,
    "OpensMinute" INTEGER NOT NULL,
    "ClosesMinute" INTEGER NOT NULL,
    "RequiresApproval" INTEGER NOT NULL,
    "BookingVersion" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_venues_CountyId_Name" ON "venues" ("CountyId", "Name");

CREATE INDEX "IX_venues_OrgUnitId" ON "venues" ("OrgUnitId");

CREATE TABLE "venue_bookings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_venue_bookings" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "VenueId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "UnitName" TEXT NOT NULL,
    "StartsAt" TEXT NOT NULL,
    "EndsAt" TEXT NOT NULL,
    "Purpose" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "BookedByUserId" INTEGER NULL,
    "BookedByName" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "DecidedByName" TEXT NULL,
    "DecidedAt" TEXT NULL,
    "Reason" TEXT NULL,
    CONSTRAINT "CK_venue_bookings_Span" CHECK ("EndsAt" > "StartsAt")
);

CREATE INDEX "IX_venue_bookings_VenueId_StartsAt" ON "venue_bookings" ("VenueId", "StartsAt");

CREATE INDEX "IX_venue_bookings_OrgUnitId" ON "venue_bookings" ("OrgUnitId");

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261204030000_Venues', '10.0.15');

CREATE TABLE "calendar_county_dates" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_calendar_county_dates" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "UnitName" TEXT NOT NULL,
    "Date" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Note" TEXT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_calendar_county_dates_CountyId_Date_Name" ON "calendar_county_dates" ("CountyId", "Date", "Name");

CREATE INDEX "IX_calendar_county_dates_OrgUnitId" ON "calendar_county_dates" ("OrgUnitId");

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261204031000_PracticeCalendar', '10.0.15');

CREATE TABLE "sup_info_reports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_sup_info_reports" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "ToUnitId" INTEGER NOT NULL,
    "Category" TEXT NOT NULL,
    "Urgent" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "ReportedAt" TEXT NOT NULL,
    "ReportedByUserId" INTEGER NULL,
    "ReportedByLogin" TEXT NULL,
    "ReadDueAt" TEXT NULL,
    "ReadYellowFrom" TEXT NULL,
    "FollowUpDueAt" TEXT NULL,
    "FollowUpYellowFrom" TEXT NULL,
    "ReadAt" TEXT NULL,
    "ReadByUserId" INTEGER NULL,
    "ReadByLogin" TEXT NULL,
    "FollowUp" TEXT NULL,
    "FollowUpAt" TEXT NULL,
    "FollowUpByLogin" TEXT NULL,
    "Version" INTEGER NOT NULL
);

CREATE INDEX "IX_sup_info_reports_OrgUnitId_ReportedAt" ON "sup_info_reports" ("OrgUnitId", "ReportedAt");

CREATE INDEX "IX_sup_info_reports_ToUnitId_ReadAt" ON "sup_info_reports" ("ToUnitId", "ReadAt");

CREATE TABLE "sup_info_report_files" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_sup_info_report_files" PRIMARY KEY AUTOINCREMENT,
    "ReportId" INTEGER NOT NULL,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "FileId" INTEGER NOT NULL
);

CREATE INDEX "IX_sup_info_report_files_ReportId" ON "sup_info_report_files" ("ReportId");

CREATE UNIQUE INDEX "IX_sup_info_report_files_FileId" ON "sup_info_report_files" ("FileId");

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261204040000_InfoReports', '10.0.15');

CREATE TABLE "asm_schemes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_asm_schemes" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "Period" TEXT NOT NULL,
    "Level" TEXT NOT NULL,
    "Indicators" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "CreatedByUserId" INTEGER NULL,
    "CreatedByLogin" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ComputedAt" TEXT NOT NULL,
    "ReviewedByUserId" INTEGER NULL,
    "ReviewedByLogin" TEXT NULL,
    "ReviewedAt" TEXT NULL,
    "PublishedByLogin" TEXT NULL,
    "PublishedAt" TEXT NULL,
    "Version" INTEGER NOT NULL
);

CREATE INDEX "IX_asm_schemes_OrgUnitId_Period" ON "asm_schemes" ("OrgUnitId", "Period");

CREATE TABLE "asm_results" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_asm_results" PRIMARY KEY AUTOINCREMENT,
    "SchemeId" INTEGER NOT NULL,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "Period" TEXT NOT NULL,
    "Level" TEXT NOT NULL,
    "Score" TEXT NOT NULL,
    "Rank" INTEGER NOT NULL,
    "RankedCount" INTEGER NOT NULL,
    "Parts" TEXT NOT NULL,
    "PublishedAt" TEXT NULL
);

CREATE INDEX "IX_asm_results_SchemeId" ON "asm_results" ("SchemeId");

CREATE INDEX "IX_asm_results_OrgUnitId_PublishedAt" ON "asm_results" ("OrgUnitId", "PublishedAt");

CREATE TABLE "asm_manual_scores" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_asm_manual_scores" PRIMARY KEY AUTOINCREMENT,
    "SchemeId" INTEGER NOT NULL,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "Score" TEXT NOT NULL,
    "Evidence" TEXT NOT NULL,
    "ByUserId" INTEGER NULL,
    "ByLogin" TEXT NULL,
    "At" TEXT NOT NULL
);

CREATE INDEX "IX_asm_manual_scores_SchemeId_OrgUnitId" ON "asm_manual_scores" ("SchemeId", "OrgUnitId");

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261205010000_Assessments', '10.0.15');

CREATE TABLE "fw_leader_links" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_fw_leader_links" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "LeaderUserId" INTEGER NOT NULL,
    "LeaderLogin" TEXT NOT NULL,
    "LeaderName" TEXT NOT NULL,
    "LinkedOn" TEXT NOT NULL,
    "LinkedByLogin" TEXT NULL
);

CREATE UNIQUE INDEX "IX_fw_leader_links_LeaderUserId_OrgUnitId" ON "fw_leader_links" ("LeaderUserId", "OrgUnitId");

CREATE INDEX "IX_fw_leader_links_OrgUnitId" ON "fw_leader_links" ("OrgUnitId");

CREATE TABLE "fw_leader_visits" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_fw_leader_visits" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "LeaderUserId" INTEGER NOT NULL,
    "LeaderLogin" TEXT NOT NULL,
    "VisitedOn" TEXT NOT NULL,
    "Place" TEXT NOT NULL,
    "Found" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    "TaskRequestedAt" TEXT NULL,
    "TaskId" INTEGER NULL
);

CREATE INDEX "IX_fw_leader_visits_LeaderUserId_VisitedOn" ON "fw_leader_visits" ("LeaderUserId", "VisitedOn");

CREATE INDEX "IX_fw_leader_visits_OrgUnitId_VisitedOn" ON "fw_leader_visits" ("OrgUnitId", "VisitedOn");

CREATE TABLE "fw_leader_visit_photos" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_fw_leader_visit_photos" PRIMARY KEY AUTOINCREMENT,
    "VisitId" INTEGER NOT NULL,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "FileId" INTEGER NOT NULL
);

CREATE INDEX "IX_fw_leader_visit_photos_VisitId" ON "fw_leader_visit_photos" ("VisitId");

CREATE UNIQUE INDEX "IX_fw_leader_visit_photos_FileId" ON "fw_leader_visit_photos" ("FileId");

CREATE TABLE "fw_site_items" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_fw_site_items" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "Item" TEXT NOT NULL,
    "Note" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedByLogin" TEXT NULL
);

CREATE UNIQUE INDEX "IX_fw_site_items_OrgUnitId_Item" ON "fw_site_items" ("OrgUnitId", "Item");

CREATE TABLE "fw_site_photos" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_fw_site_photos" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "Item" TEXT NOT NULL,
    "FileId" INTEGER NOT NULL,
    "AddedAt" TEXT NOT NULL
);

CREATE INDEX "IX_fw_site_photos_OrgUnitId_Item" ON "fw_site_photos" ("OrgUnitId", "Item");

CREATE UNIQUE INDEX "IX_fw_site_photos_FileId" ON "fw_site_photos" ("FileId");

CREATE TABLE "fw_site_inspections" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_fw_site_inspections" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "ByUnitId" INTEGER NOT NULL,
    "ByLogin" TEXT NULL,
    "InspectedOn" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    "Total" INTEGER NOT NULL,
    "Note" TEXT NULL
);

CREATE INDEX "IX_fw_site_inspections_OrgUnitId_InspectedOn" ON "fw_site_inspections" ("OrgUnitId", "InspectedOn");

CREATE TABLE "fw_site_scores" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_fw_site_scores" PRIMARY KEY AUTOINCREMENT,
    "InspectionId" INTEGER NOT NULL,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "Item" TEXT NOT NULL,
    "Score" INTEGER NOT NULL,
    "Note" TEXT NULL
);

CREATE UNIQUE INDEX "IX_fw_site_scores_InspectionId_Item" ON "fw_site_scores" ("InspectionId", "Item");

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261205020000_Fieldwork', '10.0.15');

CREATE TABLE "acct_registrations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_acct_registrations" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "IdNumberEncrypted" TEXT NOT NULL,
    "IdNumberMasked" TEXT NOT NULL,
    "Phone" TEXT NOT NULL,
    "PasswordHash" TEXT NOT NULL,
    "ExistingPersonId" INTEGER NULL,
    "Status" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "IpAddress" TEXT NULL,
    "DecidedAt" TEXT NULL,
    "DecidedByName" TEXT NULL,
    "Reason" TEXT NULL,
    "UserId" INTEGER NULL,
    "PersonId" INTEGER NULL
);

CREATE INDEX "IX_acct_registrations_OrgUnitId_Status" ON "acct_registrations" ("OrgUnitId", "Status");

CREATE TABLE "acct_password_resets" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_acct_password_resets" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "UserId" INTEGER NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "IpAddress" TEXT NULL,
    "CodeHash" TEXT NULL,
    "CodeExpiresAt" TEXT NULL,
    "FailedAttempts" INTEGER NOT NULL,
    "DoneAt" TEXT NULL,
    "DoneByName" TEXT NULL
);

CREATE INDEX "IX_acct_password_resets_OrgUnitId_Status" ON "acct_password_resets" ("OrgUnitId", "Status");

CREATE INDEX "IX_acct_password_resets_UserId" ON "acct_password_resets" ("UserId");

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261205050000_SignUp', '10.0.15');

CREATE TABLE "hh_visit_photos" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_hh_visit_photos" PRIMARY KEY AUTOINCREMENT,
    "VisitId" INTEGER NOT NULL,
    "EventId" INTEGER NOT NULL,
    "HouseholdId" INTEGER NOT NULL,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "FileId" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE INDEX "IX_hh_visit_photos_VisitId" ON "hh_visit_photos" ("VisitId");

CREATE INDEX "IX_hh_visit_photos_EventId" ON "hh_visit_photos" ("EventId");

CREATE UNIQUE INDEX "IX_hh_visit_photos_FileId" ON "hh_visit_photos" ("FileId");

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261206010000_HouseholdVisitPhotos', '10.0.15');

CREATE TABLE "sup_report_categories" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_sup_report_categories" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "Retired" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_sup_report_categories_CountyId_Code" ON "sup_report_categories" ("CountyId", "Code");

INSERT INTO sup_report_categories ("CountyId", "Code", "Name", "SortOrder", "Retired", "Version") SELECT "Id", 'MajorActivity', '重大活动', 1, FALSE, 1 FROM org_units WHERE "Level" = 'County';

INSERT INTO sup_report_categories ("CountyId", "Code", "Name", "SortOrder", "Retired", "Version") SELECT "Id", 'Emergency', '突发事件', 2, FALSE, 1 FROM org_units WHERE "Level" = 'County';

INSERT INTO sup_report_categories ("CountyId", "Code", "Name", "SortOrder", "Retired", "Version") SELECT "Id", 'SafetyAccident', '安全事故', 3, FALSE, 1 FROM org_units WHERE "Level" = 'County';

INSERT INTO sup_report_categories ("CountyId", "Code", "Name", "SortOrder", "Retired", "Version") SELECT "Id", 'MassIncident', '群体性事件', 4, FALSE, 1 FROM org_units WHERE "Level" = 'County';

INSERT INTO sup_report_categories ("CountyId", "Code", "Name", "SortOrder", "Retired", "Version") SELECT "Id", 'PublicOpinion', '舆情', 5, FALSE, 1 FROM org_units WHERE "Level" = 'County';

INSERT INTO sup_report_categories ("CountyId", "Code", "Name", "SortOrder", "Retired", "Version") SELECT "Id", 'Exemplar', '先进典型', 6, FALSE, 1 FROM org_units WHERE "Level" = 'County';

INSERT INTO sup_report_categories ("CountyId", "Code", "Name", "SortOrder", "Retired", "Version") SELECT "Id", 'ImportantMeeting', '重要会议', 7, FALSE, 1 FROM org_units WHERE "Level" = 'County';

INSERT INTO sup_report_categories ("CountyId", "Code", "Name", "SortOrder", "Retired", "Version") SELECT "Id", 'Experience', '工作经验', 8, FALSE, 1 FROM org_units WHERE "Level" = 'County';

INSERT INTO sup_report_categories ("CountyId", "Code", "Name", "SortOrder", "Retired", "Version") SELECT "Id", 'Difficulty', '问题困难', 9, FALSE, 1 FROM org_units WHERE "Level" = 'County';

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261206030000_ReportCategories', '10.0.15');

CREATE TABLE "asm_manual_score_photos" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_asm_manual_score_photos" PRIMARY KEY AUTOINCREMENT,
    "ScoreId" INTEGER NOT NULL,
    "SchemeId" INTEGER NOT NULL,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "FileId" INTEGER NOT NULL
);

CREATE INDEX "IX_asm_manual_score_photos_ScoreId" ON "asm_manual_score_photos" ("ScoreId");

CREATE UNIQUE INDEX "IX_asm_manual_score_photos_FileId" ON "asm_manual_score_photos" ("FileId");

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261206031000_ManualScorePhotos', '10.0.15');

CREATE TABLE "act_series" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_act_series" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Frequency" TEXT NOT NULL,
    "Interval" INTEGER NOT NULL,
    "DaysOfWeek" TEXT NULL,
    "Until" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedByUserId" INTEGER NULL
);

CREATE INDEX "IX_act_series_OrgUnitId" ON "act_series" ("OrgUnitId");

ALTER TABLE "act_activities" ADD "SeriesId" INTEGER NULL;

ALTER TABLE "act_activities" ADD "VenueBookingId" INTEGER NULL;

ALTER TABLE "act_activities" ADD "VenueId" INTEGER NULL;

CREATE INDEX "IX_act_activities_SeriesId_StartsAt" ON "act_activities" ("SeriesId", "StartsAt");

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261206040000_ActivitySeries', '10.0.15');

CREATE TABLE "trn_courses" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_trn_courses" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Description" TEXT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_trn_courses_CountyId_Title" ON "trn_courses" ("CountyId", "Title");

CREATE TABLE "trn_sessions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_trn_sessions" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "CourseId" INTEGER NULL,
    "Title" TEXT NOT NULL,
    "StartsAt" TEXT NOT NULL,
    "Minutes" INTEGER NOT NULL,
    "Trainer" TEXT NOT NULL,
    "Place" TEXT NULL,
    "Capacity" INTEGER NOT NULL,
    "EnrolledCount" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE INDEX "IX_trn_sessions_CountyId_StartsAt" ON "trn_sessions" ("CountyId", "StartsAt");

CREATE INDEX "IX_trn_sessions_OrgUnitId" ON "trn_sessions" ("OrgUnitId");

CREATE INDEX "IX_trn_sessions_CourseId" ON "trn_sessions" ("CourseId");

CREATE TABLE "trn_enrollments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_trn_enrollments" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "SessionId" INTEGER NOT NULL,
    "VolunteerId" INTEGER NOT NULL,
    "EnrolledByUserId" INTEGER NULL,
    "EnrolledAt" TEXT NOT NULL,
    "Attended" INTEGER NOT NULL,
    "AttendanceMarkedAt" TEXT NULL
);

CREATE UNIQUE INDEX "IX_trn_enrollments_SessionId_VolunteerId" ON "trn_enrollments" ("SessionId", "VolunteerId");

CREATE INDEX "IX_trn_enrollments_VolunteerId" ON "trn_enrollments" ("VolunteerId");

CREATE TABLE "trn_requirements" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_trn_requirements" PRIMARY KEY AUTOINCREMENT,
    "CountyId" INTEGER NOT NULL,
    "Category" TEXT NOT NULL,
    "CourseId" INTEGER NOT NULL,
    "SetAt" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_trn_requirements_CountyId_Category" ON "trn_requirements" ("CountyId", "Category");

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261206050000_Training', '10.0.15');

ALTER TABLE "ord_orders" ADD "DepartmentId" INTEGER NULL;

ALTER TABLE "ord_orders" ADD "FirstHandlerUserId" INTEGER NULL;

ALTER TABLE "ord_orders" ADD "FirstHandlerName" TEXT NULL;

ALTER TABLE "ord_orders" ADD "FirstClaimedAt" TEXT NULL;

CREATE INDEX "IX_ord_orders_DepartmentId" ON "ord_orders" ("DepartmentId");

ALTER TABLE "ord_deadline_rules" ADD "ClaimHours" INTEGER NULL;

ALTER TABLE "sup_tasks" ADD "ClaimDueAt" TEXT NULL;

ALTER TABLE "sup_tasks" ADD "FirstHandlerUserId" INTEGER NULL;

ALTER TABLE "sup_tasks" ADD "FirstHandlerLogin" TEXT NULL;

ALTER TABLE "sup_tasks" ADD "FirstClaimedAt" TEXT NULL;

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261206060000_Departments', '10.0.15');

CREATE TABLE "stat_rollups" (
    "OrgUnitId" INTEGER NOT NULL,
    "Key" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Start" TEXT NOT NULL,
    "Value" INTEGER NOT NULL,
    "Weight" INTEGER NOT NULL,
    CONSTRAINT "PK_stat_rollups" PRIMARY KEY ("OrgUnitId", "Key", "Kind", "Start")
);

CREATE TABLE "stat_dirty" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_stat_dirty" PRIMARY KEY AUTOINCREMENT,
    "OrgUnitId" INTEGER NOT NULL,
    "Day" TEXT NOT NULL,
    "Source" TEXT NOT NULL
);

CREATE TABLE "stat_rollup_state" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_stat_rollup_state" PRIMARY KEY,
    "BuiltAt" TEXT NULL,
    "Version" INTEGER NOT NULL
);

INSERT INTO stat_rollup_state ("Id", "Version") VALUES (1, 0);

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261207010000_StatRollups', '10.0.15');

CREATE TABLE "venue_photos" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_venue_photos" PRIMARY KEY AUTOINCREMENT,
    "VenueId" INTEGER NOT NULL,
    "CountyId" INTEGER NOT NULL,
    "FileId" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE INDEX "IX_venue_photos_VenueId" ON "venue_photos" ("VenueId");

CREATE UNIQUE INDEX "IX_venue_photos_FileId" ON "venue_photos" ("FileId");

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261207020000_VenuePhotos', '10.0.15');

CREATE INDEX "IX_ord_orders_OrgUnitId_SubmittedAt" ON "ord_orders" ("OrgUnitId", "SubmittedAt");

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261207120000_OrderLightsIndex', '10.0.15');

CREATE INDEX "IX_pts_transactions_OrgUnitId_At" ON "pts_transactions" ("OrgUnitId", "At");

CREATE INDEX "IX_ord_orders_OrgUnitId_CompletedAt" ON "ord_orders" ("OrgUnitId", "CompletedAt");

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261208010000_StatisticsDayIndexes', '10.0.15');

CREATE INDEX "IX_ord_orders_Status_OrgUnitId_SubmittedAt" ON "ord_orders" ("Status", "OrgUnitId", "SubmittedAt");

UPDATE stat_rollup_state SET "BuiltAt" = NULL;

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261209010000_RolledUpStocksAndDoneLights', '10.0.15');

UPDATE stat_rollup_state SET "BuiltAt" = NULL;

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261210010000_RolledUpVolunteersActive', '10.0.15');

DROP INDEX "IX_ord_orders_Status_OrgUnitId_SubmittedAt";

CREATE INDEX "IX_ord_orders_Open_OrgUnitId_SubmittedAt" ON "ord_orders" ("OrgUnitId", "SubmittedAt") WHERE "Status" IN ('Submitted', 'Dispatched', 'Accepted');

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261211010000_OpenOrdersPartialIndex', '10.0.15');

DROP TABLE "stat_rollups";

CREATE TABLE "stat_rollups" (
    "OrgUnitId" INTEGER NOT NULL,
    "CountyId" INTEGER NOT NULL,
    "Key" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Start" TEXT NOT NULL,
    "Value" INTEGER NOT NULL,
    "Weight" INTEGER NOT NULL,
    CONSTRAINT "PK_stat_rollups" PRIMARY KEY ("OrgUnitId", "Key", "Kind", "Start")
);

CREATE INDEX "IX_stat_rollups_County" ON "stat_rollups" ("CountyId", "Key", "Kind", "Start", "OrgUnitId", "Value", "Weight");

UPDATE stat_rollup_state SET "BuiltAt" = NULL;

INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion")
VALUES ('20261211020000_RollupsByCounty', '10.0.15');

