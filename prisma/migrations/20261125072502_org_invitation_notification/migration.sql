ALTER TYPE "NotificationKind" ADD VALUE 'org_invitation';
