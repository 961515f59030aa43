/** GET /api/me: the caller as the token proves them and the directory describes them (never their reporting line). */
export interface Me {
  tenantId: string;
  userId: string;
  displayName: string;
  username: string | null;
  roles: string[];
  isAdmin: boolean;
  directory: { department: string | null; jobTitle: string | null; officeLocation: string | null; hasPhoto: boolean } | null;
}
