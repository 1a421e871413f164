import { describe, expect, it } from "vitest";
import { redact } from "./redact";

/**
 * Secrets in the shapes tools print them, written from each tool's documented output format after the rules
 * were built (none of them was tuned on): no 8-character piece of a secret may survive, and the evidence
 * beside it must.
 */
const CASES: Array<{ shape: string; text: string; secrets: string[]; kept: string[] }> = [
  {
    shape: "AWS Secrets Manager get-secret-value, SecretString JSON-escaped",
    text: '{"ARN":"arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf","SecretString":"{\\"username\\":\\"admin\\",\\"password\\":\\"Zq8#pLm2$vX9wRt4\\",\\"host\\":\\"db.internal\\"}"}',
    secrets: ["Zq8#pLm2$vX9wRt4"],
    // SecretString is the secret itself, masked whole; the ARN's `:secret:` field is no label.
    kept: ['{"ARN":"arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf","SecretString":"'],
  },
  {
    shape: "Kubernetes Secret manifest, base64 data",
    text: "apiVersion: v1\nkind: Secret\ndata:\n  DB_PASSWORD: WnE4cExtMnZYOXdSdDRrSmhH\n  api-token: c2tfbGl2ZV81MUhxWnQ4OVBvS2pKaGc=\n",
    secrets: ["WnE4cExtMnZYOXdSdDRrSmhH", "c2tfbGl2ZV81MUhxWnQ4OVBvS2pKaGc"],
    kept: ["kind: Secret", "DB_PASSWORD:", "api-token:"],
  },
  {
    shape: ".npmrc auth token",
    text: "//registry.npmjs.org/:_authToken=npm_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7c\n",
    secrets: ["npm_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7c"],
    kept: ["//registry.npmjs.org/:_authToken="],
  },
  {
    shape: "pip --index-url with a token in the userinfo",
    text: "pip install --index-url https://__token__:pypi-AgEIcHlwaS5vcmcCJGQ1ZjM@pypi.example.com/simple foo",
    secrets: ["pypi-AgEIcHlwaS5vcmcCJGQ1ZjM"],
    kept: ["@pypi.example.com/simple foo"],
  },
  {
    shape: ".git-credentials line",
    text: "https://oauth2:glpat-Xy7zAb3cDe9fGh1jKl5m@gitlab.com\n",
    secrets: ["glpat-Xy7zAb3cDe9fGh1jKl5m"],
    kept: ["@gitlab.com"],
  },
  {
    shape: "Azure Storage connection string",
    text: "DefaultEndpointsProtocol=https;AccountName=prodstore;AccountKey=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3A=;EndpointSuffix=core.windows.net",
    secrets: ["Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3A"],
    kept: ["AccountName=prodstore", "EndpointSuffix=core.windows.net"],
  },
  {
    shape: "Google service-account JSON, the private key JSON-escaped",
    text: '{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\\n-----END PRIVATE KEY-----\\n", "project_id": "billing-prod"}',
    secrets: ["MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7"],
    kept: ['"type": "service_account"', '"project_id": "billing-prod"'],
  },
  {
    shape: "Discord webhook URL in an error",
    text: "POST https://discord.com/api/webhooks/1234567890123456789/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdEfGhIjKlMnOpQrSt failed: 429",
    secrets: ["AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"],
    kept: ["failed: 429"],
  },
  {
    shape: "Twilio auth token in an env dump",
    text: "TWILIO_AUTH_TOKEN=7c1e9f3a5b2d4e6f8a0b1c2d3e4f5a6b\nTWILIO_REGION=us1",
    secrets: ["7c1e9f3a5b2d4e6f8a0b1c2d3e4f5a6b"],
    kept: ["TWILIO_REGION=us1"],
  },
  {
    shape: "a GitLab token in a curl header, as a CI log prints the command",
    text: 'Run curl -H "PRIVATE-TOKEN: glpat-Qw3rTy7uIo9pAs1dFg5h" https://gitlab.example.com/api/v4/projects',
    secrets: ["glpat-Qw3rTy7uIo9pAs1dFg5h"],
    kept: ["https://gitlab.example.com/api/v4/projects"],
  },
  {
    shape: "the Anthropic SDK's headers as a Python dict repr",
    text: "headers={'x-api-key': 'sk-ant-api03-Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXc-Vb9Nm8AA', 'anthropic-version': '2023-06-01'}",
    secrets: ["Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz"],
    kept: ["'anthropic-version': '2023-06-01'"],
  },
  {
    shape: "Terraform state attributes",
    text: '"attributes": {\n  "password": "tf-Gen3rated!Pa55w0rd",\n  "username": "admin"\n}',
    secrets: ["tf-Gen3rated!Pa55w0rd"],
    kept: ['"username": "admin"'],
  },
  {
    shape: "a Redis URL with only a password, in a connection error",
    text: "Error: connect ECONNREFUSED redis://:s3cr3tRedisPa55@10.0.0.5:6379",
    secrets: ["s3cr3tRedisPa55"],
    kept: ["Error: connect ECONNREFUSED redis://:"],
  },
  {
    shape: "a JDBC URL with a %-encoded password parameter",
    text: "jdbc:mysql://db.internal:3306/app?user=app&password=My%23Sql%21Pw9&useSSL=true",
    secrets: ["My%23Sql%21Pw9", "My#Sql!Pw9"],
    kept: ["jdbc:mysql://db.internal:3306/app?user=app&password=", "&useSSL=true"],
  },
  {
    shape: "an OpenAI key quoted back in a 401 through a gateway",
    text: "openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided: sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78St90Uv12. You can find your API key at https://platform.openai.com/account/api-keys.'}}",
    secrets: ["Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56"],
    kept: ["Error code: 401", "https://platform.openai.com/account/api-keys"],
  },
  {
    shape: "AWS credentials inline before a Bedrock call",
    text: "AWS_ACCESS_KEY_ID=AKIAQWERTYUIOPASDFGH AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY aws bedrock-runtime invoke-model",
    secrets: ["AKIAQWERTYUIOPASDFGH", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"],
    kept: ["aws bedrock-runtime invoke-model"],
  },
  {
    shape: "a LiteLLM proxy config",
    text: "model_list:\n  - model_name: claude\n    litellm_params:\n      model: anthropic/claude-sonnet-4-5\n      api_key: sk-ant-api03-AAAABBBBCCCCDDDDEEEEFFFFGGGGHHHHIIIIJJJJ-KKKK\nmaster_key: sk-1234abcd5678efgh",
    secrets: ["AAAABBBBCCCCDDDDEEEEFFFF", "sk-1234abcd5678efgh"],
    kept: ["model: anthropic/claude-sonnet-4-5"],
  },
  {
    shape: "an OpenRouter key in a curl command",
    text: 'curl https://openrouter.ai/api/v1/chat/completions -H "Authorization: Bearer sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"',
    secrets: ["0123456789abcdef0123456789abcdef"],
    kept: ["https://openrouter.ai/api/v1/chat/completions", "Authorization: Bearer "],
  },
  {
    shape: "a Google OAuth access token (Vertex AI) in a header",
    text: "Authorization: Bearer ya29.a0AfB_byC1234567890abcdefghijklmnopqrstuvwxyzABCDEFG",
    secrets: ["ya29.a0AfB_byC1234567890abcdefghijklmnop"],
    kept: ["Authorization: Bearer "],
  },
  {
    shape: "docker run -e with a password",
    text: "docker run -e POSTGRES_PASSWORD=Pg-Sup3r-S3cret! -d postgres:16",
    secrets: ["Pg-Sup3r-S3cret!"],
    kept: ["-d postgres:16"],
  },
  {
    shape: "a MongoDB URI with a %-encoded password in a driver error",
    text: "MongoServerError: bad auth : Authentication failed. uri=mongodb+srv://app:p%40ss%2Fw0rd!@cluster0.abcde.mongodb.net/prod",
    secrets: ["p%40ss%2Fw0rd!", "p@ss/w0rd!"],
    kept: ["@cluster0.abcde.mongodb.net/prod"],
  },
  {
    shape: "a Python requests cookie jar as printed",
    text: "<RequestsCookieJar[<Cookie sessionid=9f8e7d6c5b4a39281706f5e4d3c2b1a0 for .example.com/>]>",
    secrets: ["9f8e7d6c5b4a39281706f5e4d3c2b1a0"],
    kept: ["<Cookie sessionid=", " for .example.com/>]>"],
  },
  {
    shape: "Claude Code settings.json env block",
    text: '{"env": {"ANTHROPIC_AUTH_TOKEN": "sk-ant-oat01-Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz", "ANTHROPIC_BASE_URL": "https://proxy.internal"}}',
    secrets: ["Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz"],
    kept: ['"ANTHROPIC_BASE_URL": "https://proxy.internal"'],
  },
  {
    shape: "an OpenSSH private key",
    text: "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACBa7Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVb9Nm8AAAAJgAAAAA\n-----END OPENSSH PRIVATE KEY-----",
    secrets: [
      "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ",
      "QyNTUxOQAAACBa7Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",
    ],
    kept: [],
  },
];

/** The first 8-character piece of `secret` that `output` still holds, or null. */
function leakedPiece(output: string, secret: string): string | null {
  for (let i = 0; i + 8 <= secret.length; i++) {
    const piece = secret.slice(i, i + 8);
    if (output.includes(piece)) return piece;
  }
  return null;
}

describe("secrets as real tools print them", () => {
  it.each(CASES.map((c) => [c.shape, c] as const))("%s", (_shape, c) => {
    const output = redact(c.text).text;
    for (const secret of c.secrets) expect(leakedPiece(output, secret)).toBeNull();
    for (const evidence of c.kept) expect(output).toContain(evidence);
  });
});
