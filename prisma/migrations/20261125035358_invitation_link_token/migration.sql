ALTER TABLE "OrgInvitation" ADD COLUMN     "tokenHash" TEXT;
