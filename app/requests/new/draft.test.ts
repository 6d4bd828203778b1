import { describe, expect, it } from "vitest";
import type { Network } from "../_lib/consumer-api";
import { checkDraft, initialDraft } from "./draft";

/** The new-request form's live checks and what follows from the draft (group ID, suggested name, network). */
const SUB = "11111111-1111-4111-8111-111111111111";
const APP = `/subscriptions/${SUB}/resourceGroups/rg-shop/providers/Microsoft.Web/sites/contoso-orders`;
const subnet = (name: string, endpointAllowed = true) => ({
  id: `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/${name}`,
  name,
  addressPrefixes: ["10.1.1.0/24"],
  endpointAllowed,
  reason: endpointAllowed ? null : "Delegated to Microsoft.Web/serverFarms.",
});
const network: Network = {
  id: `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet`,
  name: "vnet",
  location: "westeurope",
  resourceGroup: "rg-net",
  addressPrefixes: ["10.1.0.0/16"],
  subnets: [subnet("snet-endpoints"), subnet("snet-appservice", false)],
};

describe("checkDraft", () => {
  it("asks for everything on an empty draft, but says nothing about a name before there is a target", () => {
    const { errors, values } = checkDraft(initialDraft("", ""), []);
    expect(Object.keys(errors).sort()).toEqual(["subnetId", "subscriptionId", "targetResourceId"]);
    expect(values).toMatchObject({ targetResourceId: "", groupId: "", endpointName: "" });
  });

  it("derives the group ID and suggests a name from an app's ID, and finds the chosen subnet's network", () => {
    const draft = { ...initialDraft(APP, ""), subscriptionId: SUB, subnetId: network.subnets[0]!.id };
    const checked = checkDraft(draft, [network]);
    expect(checked.errors).toEqual({});
    expect(checked.values.groupId).toBe("sites");
    expect(checked.values.endpointName).toBe(checked.suggestion);
    expect(checked.suggestion).not.toBe("");
    expect(checked.network?.name).toBe("vnet");
  });

  it("preselects a slot from the URL's group ID and checks its name", () => {
    const draft = initialDraft(APP, "sites-staging");
    expect(draft).toMatchObject({ groupChoice: "slot", slotName: "staging" });
    expect(checkDraft(draft, []).values.groupId).toBe("sites-staging");
    expect(checkDraft({ ...draft, slotName: "bad name" }, []).errors.groupId).toMatch(/slot/);
  });

  it("refuses a subnet Azure would refuse, with Azure's reason", () => {
    const draft = { ...initialDraft(APP, ""), subscriptionId: SUB, subnetId: network.subnets[1]!.id };
    expect(checkDraft(draft, [network]).errors.subnetId).toBe("Delegated to Microsoft.Web/serverFarms.");
  });

  it("uses the person's own name over the suggestion, and checks it", () => {
    const checked = checkDraft({ ...initialDraft(APP, ""), nameInput: "-bad name-" }, []);
    expect(checked.values.endpointName).toBe("-bad name-");
    expect(checked.errors.endpointName).toBeTruthy();
  });
});
