// Upward in Azure: one Node service on App Service (Linux, Node LTS) with a user-assigned managed
// identity, the Azure Bot (Teams channel) using that identity, PostgreSQL Flexible Server with
// Microsoft Entra authentication only, and Application Insights. No secret anywhere: the bot signs
// in as the managed identity, the database takes its Entra tokens as passwords, and Graph tokens
// use it as the app registration's federated identity credential (added by teamsapp.yml after this deployment, from MANAGED_IDENTITY_PRINCIPAL_ID). Deployed by teamsapp.yml (arm/deploy), whose outputs
// are written back into env/.env.<name>.

@description('Prefix of every resource name, e.g. upward-dev. Lower-case letters, digits and dashes.')
@minLength(3)
@maxLength(18)
param resourceBaseName string

@description('Azure region for every resource (the data location of Upward). Defaults to the resource group\'s.')
param location string = resourceGroup().location

@description('Application (client) id of the Upward Entra ID app registration: the audience of Upward access tokens.')
param aadAppClientId string

@description('Tenant of the Upward app registration and of the bot identity.')
param aadAppTenantId string = tenant().tenantId

@description('Comma-separated tenant ids Upward serves (ENTRA_ALLOWED_TENANTS); empty means the app registration\'s tenant only.')
param allowedTenants string = ''

@description('Host name people reach Upward at when IT binds a custom domain (e.g. upward.contoso.com); empty for the default azurewebsites.net name.')
param customDomain string = ''

@description('Upward\'s id in the organisation\'s Teams app catalog (TEAMS_APP_CATALOG_ID), known once the app is published; empty until then. The bot uses it to install itself for new participants and to find its chat with a person.')
param teamsAppCatalogId string = ''

@description('App Service plan SKU.')
param appServiceSkuName string = 'B1'

@description('Node.js LTS line of the service.')
@allowed(['22-lts', '24-lts'])
param nodeVersion string = '22-lts'

@description('Azure Bot pricing tier (F0 is free, with a message quota; S1 for production).')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('PostgreSQL Flexible Server compute SKU.')
param postgresSkuName string = 'Standard_B1ms'

@description('PostgreSQL compute tier; must match the SKU.')
@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
param postgresSkuTier string = 'Burstable'

@description('PostgreSQL storage in GiB.')
param postgresStorageSizeGB int = 32

@description('Days of point-in-time backups PostgreSQL keeps (7 to 35).')
@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 7

@description('Keep backups in the paired region as well (needs a region pair; costs more).')
param postgresGeoRedundantBackup bool = false

@description('Days Log Analytics keeps logs and Application Insights telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

var suffix = uniqueString(resourceGroup().id, resourceBaseName)
var webAppName = '${resourceBaseName}-${suffix}'
var postgresServerName = '${resourceBaseName}-pg-${suffix}'
var databaseName = 'upward'
var servedTenants = empty(allowedTenants) ? aadAppTenantId : allowedTenants
var publicHostName = empty(customDomain) ? webApp.properties.defaultHostName : customDomain

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-identity'
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${resourceBaseName}-logs-${suffix}'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'Node.JS'
    WorkspaceResourceId: logs.id
    RetentionInDays: logRetentionDays
    // Telemetry carries no message content; the service logs ids and counts, never reflections.
    DisableIpMasking: false
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: postgresServerName
  location: location
  sku: { name: postgresSkuName, tier: postgresSkuTier }
  properties: {
    version: '16'
    storage: { storageSizeGB: postgresStorageSizeGB, autoGrow: 'Enabled' }
    backup: {
      backupRetentionDays: postgresBackupRetentionDays
      geoRedundantBackup: postgresGeoRedundantBackup ? 'Enabled' : 'Disabled'
    }
    highAvailability: { mode: 'Disabled' }
    // No password exists: people and Upward sign in with Microsoft Entra tokens only.
    authConfig: { activeDirectoryAuth: 'Enabled', passwordAuth: 'Disabled', tenantId: tenant().tenantId }
  }
}

// The managed identity is the server's Entra administrator: Postgres knows it as a role named after
// it, which owns Upward's schema (the service migrates it at start). Add people as further admins
// in the portal when someone needs to look inside.
resource postgresEntraAdmin 'Microsoft.DBforPostgreSQL/flexibleServers/administrators@2024-08-01' = {
  parent: postgres
  name: identity.properties.principalId
  properties: {
    principalType: 'ServicePrincipal'
    principalName: identity.name
    tenantId: tenant().tenantId
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: databaseName
  properties: { charset: 'UTF8', collation: 'en_US.utf8' }
}

// 0.0.0.0-0.0.0.0 admits Azure services only (App Service outbound), not the internet. Put the
// server on a private endpoint instead where the organisation requires network isolation.
resource postgresAllowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAzureServices'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: { name: appServiceSkuName }
  properties: { reserved: true }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|${nodeVersion}'
      appCommandLine: 'node dist/server/main.cjs'
      alwaysOn: appServiceSkuName != 'F1'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      healthCheckPath: '/readyz'
    }
  }
}

// App settings are applied once the identity is the database's Entra administrator, so the first start can sign in.
resource webAppSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  dependsOn: [postgresEntraAdmin]
  properties: {
    // Read by server/config.ts. App Service sets PORT itself.
    HOST: '0.0.0.0'
    PUBLIC_BASE_URL: 'https://${publicHostName}'
    LOG_LEVEL: 'info'
    // App Service's front end is the one proxy in front of Upward; its X-Forwarded-For names the client.
    TRUST_PROXY_HOPS: '1'
    // The user is the identity's role; the password is its Entra token, asked for per connection.
    DATABASE_URL: 'postgres://${identity.name}@${postgres.properties.fullyQualifiedDomainName}:5432/${databaseName}?sslmode=verify-full'
    DATABASE_AUTH: 'managed-identity'
    ENTRA_CLIENT_ID: aadAppClientId
    ENTRA_ALLOWED_TENANTS: servedTenants
    TEAMS_APP_CATALOG_ID: teamsAppCatalogId
    // Read by the Microsoft 365 Agents SDK (and checked by server/config.ts): the bot authenticates as
    // the managed identity, no password, and accepts only tokens from the issuers it trusts.
    connections__serviceConnection__settings__clientId: identity.properties.clientId
    connections__serviceConnection__settings__tenantId: identity.properties.tenantId
    connections__serviceConnection__settings__authType: 'UserManagedIdentity'
    connections__serviceConnection__settings__validateIssuer: 'true'
    // Application Insights auto-instrumentation of the Node process, no SDK in the code.
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
    ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
    // The deployment zip is built by teamsapp.yml (npm ci, npm run build); App Service runs it as is.
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
    WEBSITE_RUN_FROM_PACKAGE: '1'
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${resourceBaseName}-bot-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: 'Upward'
    endpoint: 'https://${publicHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
    msaAppType: 'UserAssignedMSI'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

// Upper-case outputs are written into env/.env.<name> by the toolkit and fill the app manifest.
output TAB_ENDPOINT string = 'https://${publicHostName}'
output TAB_DOMAIN string = publicHostName
output BOT_ID string = identity.properties.clientId
// The subject of the app registration's federated identity credential (teamsapp.yml adds it).
output MANAGED_IDENTITY_PRINCIPAL_ID string = identity.properties.principalId
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output AZURE_POSTGRES_SERVER_FQDN string = postgres.properties.fullyQualifiedDomainName
output AZURE_APPLICATION_INSIGHTS_NAME string = appInsights.name
