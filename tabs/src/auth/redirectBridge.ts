import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

// The page Entra ID sends the sign-in answer to (auth-redirect.html): MSAL hands the code to the
// page that asked for it (a popup's opener, or the page a redirect started from) and leaves.
void broadcastResponseToMainFrame();
